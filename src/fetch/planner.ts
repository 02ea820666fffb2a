/**
 * Splits a PxWebApi selection so that no call asks for more cells than the server's `maxDataCells`.
 * Splits the largest dimension first, into as few calls as the limit allows.
 */
export type Selection = Record<string, string[]>;

export function cellCount(selection: Selection): number {
  return Object.values(selection).reduce((product, codes) => product * codes.length, 1);
}

export function planQueries(
  selection: Selection,
  maxCells: number,
  dimensionOrder: string[] = Object.keys(selection),
): Selection[] {
  if (maxCells < 1) throw new Error(`maxDataCells måste vara minst 1 (fick ${maxCells})`);
  const total = cellCount(selection);
  if (total === 0) return [];
  if (total <= maxCells) return [selection];
  const bySize = [...dimensionOrder].sort((a, b) => (selection[b]?.length ?? 0) - (selection[a]?.length ?? 0));
  for (const dimension of bySize) {
    const codes = selection[dimension] ?? [];
    if (codes.length < 2) continue;
    const others = total / codes.length;
    if (others > maxCells) continue;
    const perCall = Math.floor(maxCells / others);
    const parts: Selection[] = [];
    for (let start = 0; start < codes.length; start += perCall) {
      parts.push({ ...selection, [dimension]: codes.slice(start, start + perCall) });
    }
    return parts;
  }
  // Even one code of any dimension is too much: split the largest into single codes and recurse.
  const largest = bySize[0] ?? '';
  return (selection[largest] ?? []).flatMap((code) =>
    planQueries({ ...selection, [largest]: [code] }, maxCells, dimensionOrder),
  );
}
