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

/**
 * Spreads direct labels vertically so none overlaps: positions in pixels in, positions out, each at
 * least `gap` apart and as close to its anchor as that allows.
 */
export function dodge(positions: number[], gap: number): number[] {
  const order = positions.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  const placed: number[] = [];
  for (const entry of order) {
    const previous = placed.at(-1);
    placed.push(previous === undefined ? entry.position : Math.max(entry.position, previous + gap));
  }
  // Centre the shifted block on its anchors so labels move as little as possible.
  const shift = (order.reduce((sum, entry, index) => sum + (placed[index] ?? 0) - entry.position, 0) / Math.max(1, order.length)) * 0.5;
  const result = new Array<number>(positions.length);
  order.forEach((entry, index) => (result[entry.index] = (placed[index] ?? 0) - shift));
  for (let index = 1; index < order.length; index++) {
    const before = result[order[index - 1]!.index]!;
    const current = order[index]!.index;
    if (result[current]! < before + gap) result[current] = before + gap;
  }
  return result;
}

/** Appends direct labels (already dodged) to a rendered Plot SVG. */
export function appendLabels(svg: Element, labels: { x: number; y: number; text: string; fill: string; bold: boolean }[]): void {
  const document = svg.ownerDocument;
  const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  group.setAttribute('text-anchor', 'start');
  for (const label of labels) {
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.setAttribute('x', label.x.toFixed(1));
    text.setAttribute('y', label.y.toFixed(1));
    text.setAttribute('dy', '0.32em');
    text.setAttribute('fill', label.fill);
    if (label.bold) text.setAttribute('font-weight', 'bold');
    text.textContent = label.text;
    group.append(text);
  }
  svg.append(group);
}
