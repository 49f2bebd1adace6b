/** The active cell and the selected rectangle, in view coordinates (row in the shown order, column in GRID_COLUMNS). */
import type { CellRange } from '../../core/grid';

export interface Cursor {
  row: number;
  col: number;
}

export interface Selection {
  active: Cursor;
  /** the other corner of the selected rectangle (the active cell when one cell is selected) */
  anchor: Cursor;
}

export function rangeOf(s: Selection): CellRange {
  return {
    top: Math.min(s.active.row, s.anchor.row),
    bottom: Math.max(s.active.row, s.anchor.row),
    left: Math.min(s.active.col, s.anchor.col),
    right: Math.max(s.active.col, s.anchor.col),
  };
}

export function clamp(c: Cursor, rows: number, cols: number): Cursor {
  return { row: Math.max(0, Math.min(rows - 1, c.row)), col: Math.max(0, Math.min(cols - 1, c.col)) };
}
