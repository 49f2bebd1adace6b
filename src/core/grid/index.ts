/** The case grid's pure core: columns and cell reading, paste, fill, undo history, save queue, view, footer. */
export { COLUMNS, columnOf, cellText, readCells, withValues, type Column, type EditorKind, type CellsRead } from './columns';
export { parseTsv, writeTsv } from './tsv';
export { planPaste, type PastePlan, type PasteInput, type CellAddress } from './paste';
export { planFillDown, type CellRange } from './fill';
export { UndoHistory, buildEntry, toApply, HISTORY_LIMIT, type HistoryEntry, type TrackedChange, type StoredRow } from './history';
export { PendingChanges, type TakenChanges } from './queue';
export { summarise, type GridSummary } from './totals';
export { viewOrder, matchesFilter, type SortValue } from './view';
export { engineInput, type CaseDefaults } from './input';
export type { VehicleRecord, RecordField, Change, ApplyOutcome, PlanRow, CellProblem } from './types';
