import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../../src/core/grid/columns';
import { planPaste } from '../../../src/core/grid/paste';
import { parseTsv } from '../../../src/core/grid/tsv';
import type { PlanRow, RecordField } from '../../../src/core/grid/types';

const col = (field: RecordField) => COLUMNS.findIndex((c) => c.field === field);
const rows: PlanRow[] = [
  { key: 'a', position: 1, record: { vin: 'XTA21099000000001', category: 'M1', engineCc: 1600 } },
  { key: 'b', position: 2, record: { vin: 'XTA21099000000002', category: 'N1' } },
];

function paste(text: string, anchorField: RecordField, anchorRow = 0, language: 'ru' | 'en' = 'ru') {
  return planPaste({
    rows,
    columns: COLUMNS,
    anchor: { row: anchorRow, col: col(anchorField) },
    block: parseTsv(text),
    lastPosition: 2,
    language,
  });
}

describe('reading a pasted block', () => {
  it('reads Russian spreadsheet values: Cyrillic М1, decimal commas, thousands spaces, dd.mm.yyyy', () => {
    // category, propulsion, engineCc, powerHp, powerKw, electric30, mass, productionDate
    const plan = paste('М1\tбензин\t1\u00a0598\t150\t110,5\t\t1 850,5\t15.03.2019\r\n', 'category', 2);
    expect(plan.creates).toEqual([
      {
        position: 3,
        record: { category: 'M1', propulsion: 'ice', engineCc: 1598, powerHp: 150, powerKw: 110.5, grossMassKg: 1850.5, productionDate: '2019-03-15' },
      },
    ]);
    expect(plan.problems).toEqual([]);
  });

  it('reads a quoted cell with an embedded line break as one cell', () => {
    const plan = paste('"Toyota\nLand Cruiser"\t200', 'make', 2);
    expect(plan.creates[0]!.record).toEqual({ make: 'Toyota\nLand Cruiser', model: '200' });
  });

  it('reports each unreadable cell with its row and field, and keeps the typed text', () => {
    const plan = paste('XX9\tбензин\tмного\n', 'category', 0);
    expect(plan.problems.map((p) => [p.row, p.field, p.severity, p.text])).toEqual([
      [0, 'category', 'error', 'XX9'],
      [0, 'engineCc', 'error', 'много'],
    ]);
    expect(plan.problems[1]!.message).toContain('много');
    expect(plan.updates[0]!.record).toMatchObject({ category: 'XX9', propulsion: 'ice', engineCc: 'много' });
  });

  it('converts litres typed as "1,6" and says so as a warning', () => {
    const plan = paste('1,6', 'engineCc', 1);
    expect(plan.updates).toEqual([{ key: 'b', record: { vin: 'XTA21099000000002', category: 'N1', engineCc: 1600 } }]);
    expect(plan.problems).toMatchObject([{ row: 1, field: 'engineCc', severity: 'warning' }]);
  });

  it('reads flags and dates as text: да/нет, 31.12.2025', () => {
    const plan = paste('да\tнет', 'personalUse', 0);
    expect(plan.updates[0]!.record).toMatchObject({ personalUse: true, offRoad: false });
    const dated = paste('31.12.2025', 'date', 0);
    expect(dated.updates[0]!.record.date).toBe('2025-12-31');
  });
});

describe('paste semantics', () => {
  it('overwrites rows from the anchor and creates rows past the end, in order', () => {
    const plan = paste('M2\nM3\nN2\n', 'category', 1);
    expect(plan.updates).toEqual([{ key: 'b', record: { vin: 'XTA21099000000002', category: 'M2' } }]);
    expect(plan.creates).toEqual([
      { position: 3, record: { category: 'M3' } },
      { position: 4, record: { category: 'N2' } },
    ]);
    expect([plan.height, plan.width]).toEqual([3, 1]);
  });

  it('an empty pasted cell clears the cell it lands on', () => {
    const plan = paste('\t150', 'engineCc', 0);
    expect(plan.updates[0]!.record).toEqual({ vin: 'XTA21099000000001', category: 'M1', powerHp: 150 });
  });

  it('drops cells past the last column and blank rows past the end', () => {
    const last = COLUMNS.length - 1;
    const plan = planPaste({ rows, columns: COLUMNS, anchor: { row: 0, col: last }, block: [['note', 'extra'], ['', '']], lastPosition: 2, language: 'en' });
    expect(plan.updates).toEqual([{ key: 'a', record: { ...rows[0]!.record, notes: 'note' } }]);
    expect(plan.creates).toEqual([]);
  });

  it('leaves rows it does not change out of the plan', () => {
    expect(paste('M1', 'category', 0).updates).toEqual([]);
  });

  it('repeats a single value over a selected area', () => {
    const plan = planPaste({ rows, columns: COLUMNS, anchor: { row: 0, col: col('category') }, block: [['N3']], selection: { height: 2, width: 1 }, lastPosition: 2, language: 'ru' });
    expect(plan.updates.map((u) => u.record.category)).toEqual(['N3', 'N3']);
  });
});
