/** Swedish axis formatting shared by the charts. */
import { formatNumber } from '../lib/format.ts';

export function swedishTick(decimals: number): (value: number) => string {
  return (value: number) => formatNumber(value, decimals);
}

/** Room for the longest label at a font size: Plot estimates text width, so we set margins ourselves. */
export function labelWidth(labels: string[], fontSize: number): number {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  return Math.ceil(longest * fontSize * 0.6) + 8;
}
