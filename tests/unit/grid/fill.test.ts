import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../src/core/grid/columns';
import { planFillDown } from '../../../src/core/grid/fill';
import type { PlanRow, RecordField } from '../../../src/core/grid/types';

const col = (field: RecordField) => COLUMNS.findIndex((c) => c.field === field);
const rows: PlanRow[] = [
  { key: 'a', position: 1, record: { category: 'M1', propulsion: 'ice', engineCc: 1600 } },
  { key: 'b', position: 2, record: { category: 'N1' } },
  { key: 'c', position: 3, record: { category: 'M1', propulsion: 'electric' } },
];

describe('fill down (Ctrl+D)', () => {
  it('copies the top row of the selection into the rows below, within the selected columns', () => {
    const updates = planFillDown(rows, COLUMNS, { top: 0, bottom: 2, left: col('category'), right: col('engineCc') });
    expect(updates).toEqual([
      { key: 'b', record: { category: 'M1', propulsion: 'ice', engineCc: 1600 } },
      { key: 'c', record: { category: 'M1', propulsion: 'ice', engineCc: 1600 } },
    ]);
  });

  it('with one row selected copies the row above into it', () => {
    const updates = planFillDown(rows, COLUMNS, { top: 1, bottom: 1, left: col('propulsion'), right: col('propulsion') });
    expect(updates).toEqual([{ key: 'b', record: { category: 'N1', propulsion: 'ice' } }]);
  });

  it('copies an empty source cell as a cleared cell, and skips rows already equal', () => {
    const updates = planFillDown(rows, COLUMNS, { top: 1, bottom: 2, left: col('category'), right: col('propulsion') });
    expect(updates).toEqual([{ key: 'c', record: { category: 'N1' } }]);
  });

  it('does nothing on the first row alone', () => {
    expect(planFillDown(rows, COLUMNS, { top: 0, bottom: 0, left: 0, right: 3 })).toEqual([]);
  });
});
