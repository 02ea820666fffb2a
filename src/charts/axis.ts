/** Swedish axis formatting and value scales shared by the charts. */
import { nice, ticks } from 'd3-array';
import { formatNumber } from '../formats/display.ts';

/**
 * A value axis with 4 to 6 ticks, its ends on ticks: a reader finds a value against a few round
 * numbers, not one gridline per unit. From zero for counts and shares unless told otherwise.
 */
export function valueScale(values: number[], zero: boolean): { domain: [number, number]; ticks: number[] } {
  const low = Math.min(...values, ...(zero ? [0] : []));
  const high = Math.max(...values);
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { domain: [0, 1], ticks: [0, 1] };
  const [from, to] = low === high ? [low - 1, high + 1] : [low, high];
  let best: { domain: [number, number]; ticks: number[] } | null = null;
  for (const count of [5, 4, 6, 3, 7]) {
    const [start, stop] = nice(from, to, count);
    const marks = ticks(start, stop, count);
    best ??= { domain: [start, stop], ticks: marks };
    if (marks.length >= 4 && marks.length <= 6) return { domain: [start, stop], ticks: marks };
  }
  return best!;
}

/**
 * Years to label on a time axis: at most six, as many as `fit` allow, evenly spaced and counted
 * back from the latest year, the one a reader looks for.
 */
export function yearTicks(years: number[], fit: number): number[] {
  const step = Math.max(1, Math.ceil(years.length / Math.max(2, Math.min(6, fit))));
  const last = years.at(-1) ?? 0;
  return years.filter((year) => (last - year) % step === 0);
}

/** Decimals a value axis needs: none where every tick is a whole number (20, 22, 24, not 20,0). */
export function tickDecimals(marks: number[], decimals: number): number {
  return decimals > 0 && marks.some((mark) => !Number.isInteger(mark)) ? 1 : 0;
}

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
 * least `gap` apart. Labels that collide form a block centred on their anchors; others stay put.
 */
export function dodge(positions: number[], gap: number): number[] {
  const order = positions.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  const blocks: { members: typeof order; start: number }[] = [];
  for (const entry of order) {
    blocks.push({ members: [entry], start: entry.position });
    for (;;) {
      const last = blocks.at(-1)!;
      const before = blocks.at(-2);
      if (!before || before.start + before.members.length * gap <= last.start) break;
      blocks.pop();
      const members = [...before.members, ...last.members];
      const mean = members.reduce((sum, member) => sum + member.position, 0) / members.length;
      blocks[blocks.length - 1] = { members, start: mean - ((members.length - 1) * gap) / 2 };
    }
  }
  const result = new Array<number>(positions.length);
  for (const block of blocks)
    block.members.forEach((member, offset) => (result[member.index] = block.start + offset * gap));
  return result;
}

/** Appends direct labels (already dodged) to a rendered Plot SVG. */
export function appendLabels(
  svg: Element,
  labels: { x: number; y: number; text: string; fill: string; bold: boolean }[],
): void {
  const document = svg.ownerDocument;
  const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  group.setAttribute('text-anchor', 'start');
  // Named so that a line added in the browser can find a free place among them.
  group.setAttribute('class', 'line-labels');
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
