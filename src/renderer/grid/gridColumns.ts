/**
 * The columns the grid shows: the result first (fee, confidence, rate row, warnings), pinned so
 * the fee stays in sight however far right the broker types, then every field of the record.
 */
import { COLUMNS, type Column } from '../../core/grid';

export type ResultColumnId = 'fee' | 'confidence' | 'row' | 'notes';

export type GridColumn = { kind: 'result'; id: ResultColumnId; width: Column['width']; numeric?: boolean } | { kind: 'field'; column: Column; fieldIndex: number };

export const RESULT_COLUMNS: readonly GridColumn[] = [
  { kind: 'result', id: 'fee', width: 'l', numeric: true },
  { kind: 'result', id: 'confidence', width: 's' },
  { kind: 'result', id: 'row', width: 'l' },
  { kind: 'result', id: 'notes', width: 'xs' },
];

export const GRID_COLUMNS: readonly GridColumn[] = [
  ...RESULT_COLUMNS,
  ...COLUMNS.map((column, fieldIndex): GridColumn => ({ kind: 'field', column, fieldIndex })),
];

export const FIRST_FIELD_COLUMN = RESULT_COLUMNS.length;

/**
 * The result columns stay pinned at the left (position: sticky, offsets in grid.css), so the fee
 * stays in sight however far right the broker scrolls; '' for the field columns.
 */
export function pinClass(col: number): string {
  return col < FIRST_FIELD_COLUMN ? `grid__cell--pinned grid__pin-${col}` : '';
}

export function columnKey(c: GridColumn): string {
  return c.kind === 'result' ? `result:${c.id}` : c.column.field;
}
