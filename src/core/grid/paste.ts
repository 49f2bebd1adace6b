/**
 * What a pasted block does to the grid, as Excel does it: cells land from the anchor cell
 * rightwards and downwards, overwriting the rows that are there (an empty pasted cell clears its
 * cell) and creating rows past the last one. Columns past the last column are dropped. A single
 * pasted value fills a larger selection. Nothing here talks to the backend: the plan becomes one
 * `vehicles.apply` change set.
 */
import type { Language } from '../api/contract';
import { type Column, readCells, withValues } from './columns';
import type { CellProblem, PlanRow, RecordField, VehicleRecord } from './types';

export interface CellAddress {
  row: number;
  col: number;
}

export interface PastePlan {
  /** existing rows whose record changes, by key */
  updates: { key: string; record: VehicleRecord }[];
  /** rows to create after the last one, in order */
  creates: { record: VehicleRecord; position: number }[];
  /** `row` counts from the first target row; created rows continue past `rows.length` */
  problems: CellProblem[];
  /** the area written, for selecting it afterwards */
  height: number;
  width: number;
}

export interface PasteInput {
  /** the rows as the broker sees them (sorted and filtered views included) */
  rows: readonly PlanRow[];
  columns: readonly Column[];
  anchor: CellAddress;
  block: readonly (readonly string[])[];
  /** the selected area's size: a single pasted value is repeated over it */
  selection?: { height: number; width: number };
  /** the largest position in the case; new rows go after it */
  lastPosition: number;
  language: Language;
}

function tiled(block: readonly (readonly string[])[], selection: PasteInput['selection']) {
  const single = block.length === 1 && block[0]!.length === 1;
  if (!single || !selection || (selection.height <= 1 && selection.width <= 1)) return block;
  const value = block[0]![0]!;
  return Array.from({ length: selection.height }, () => Array.from({ length: selection.width }, () => value));
}

export function planPaste(input: PasteInput): PastePlan {
  const { rows, columns, anchor, language } = input;
  const block = tiled(input.block, input.selection);
  const plan: PastePlan = { updates: [], creates: [], problems: [], height: 0, width: 0 };
  let position = input.lastPosition;

  block.forEach((cells, i) => {
    const fields: RecordField[] = [];
    const texts: string[] = [];
    cells.forEach((text, j) => {
      const column = columns[anchor.col + j];
      if (!column) return;
      fields.push(column.field);
      texts.push(text);
    });
    if (fields.length === 0) return;
    const target = anchor.row + i;
    const existing = rows[target];
    // Spreadsheets often copy a trailing blank line; a blank row past the end creates nothing.
    if (!existing && texts.every((t) => t.trim() === '')) return;
    const current = existing?.record ?? {};
    const read = readCells(fields, texts, current, language);
    const record = withValues(current, read.values);
    for (const p of read.problems) plan.problems.push({ ...p, row: target });
    if (existing) {
      if (record !== existing.record) plan.updates.push({ key: existing.key, record });
    } else {
      position += 1;
      plan.creates.push({ record, position });
    }
    plan.height = i + 1;
    plan.width = Math.max(plan.width, fields.length);
  });
  return plan;
}
