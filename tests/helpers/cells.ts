import type { Cell } from '../../src/pipeline/snapshot-builder.ts';

/** A cell for a test's snapshot: a final total value from `raw/x`, unless the test says otherwise. */
export function cell(fields: Pick<Cell, 'indicator' | 'region' | 'period' | 'value'> & Partial<Cell>): Cell {
  return {
    defaultStatus: 'final',
    sex: 'total',
    breakdown: {},
    status: 'final',
    sourceStatus: '',
    provenance: 'raw/x',
    ...fields,
  };
}
