/**
 * Undo and redo as change sets. Every entry is exactly what was sent to `vehicles.apply` and the
 * change set that takes it back: an edit's inverse restores the old record, a created row's
 * inverse deletes it, a deleted row's inverse creates it again at its old position. Undoing is
 * sending the inverse through the same method, and the answer to that builds the redo entry.
 *
 * A row created again gets a new id from the database; every entry that still names the old id
 * is rewritten (`remap`), so a later undo or redo reaches the row under its new id.
 */
import type { ApplyOutcome, Change, VehicleRecord } from './types';

/** A change as the history keeps it: a creation remembers the id its row had before. */
export type TrackedChange = Change & { readonly was?: number };

export interface HistoryEntry {
  /** what was applied */
  changes: TrackedChange[];
  /** what takes it back */
  inverse: TrackedChange[];
}

export interface StoredRow {
  position: number;
  record: VehicleRecord;
}

/** The change set as `vehicles.apply` takes it: without the history's bookkeeping. */
export function toApply(changes: readonly TrackedChange[]): Change[] {
  return changes.map((c) => {
    if (c.op === 'delete') return { op: 'delete', id: c.id };
    const out: Change = { op: 'upsert', record: c.record };
    if (c.id !== undefined) out.id = c.id;
    if (c.position !== undefined) out.position = c.position;
    return out;
  });
}

/**
 * The entry for a change set that has just been applied. `before` gives each touched row as it
 * was stored before the call; `outcome.rows` has one row per upsert, in order.
 */
export function buildEntry(
  changes: readonly TrackedChange[],
  before: (id: number) => StoredRow | undefined,
  outcome: ApplyOutcome,
): { entry: HistoryEntry; remap: Map<number, number> } {
  const applied: TrackedChange[] = [];
  const inverse: TrackedChange[] = [];
  const remap = new Map<number, number>();
  let k = 0;
  for (const change of changes) {
    if (change.op === 'delete') {
      applied.push(change);
      const old = before(change.id);
      if (old) inverse.push({ op: 'upsert', position: old.position, record: old.record, was: change.id });
      continue;
    }
    const row = outcome.rows[k++];
    if (!row) throw new RangeError('vehicles.apply answered with fewer rows than upserts');
    if (change.id === undefined) {
      if (change.was !== undefined) remap.set(change.was, row.id);
      applied.push({ op: 'upsert', position: row.position, record: change.record, was: row.id });
      inverse.push({ op: 'delete', id: row.id });
    } else {
      applied.push(change);
      const old = before(change.id);
      if (old) inverse.push({ op: 'upsert', id: change.id, position: old.position, record: old.record });
    }
  }
  inverse.reverse();
  return { entry: { changes: applied, inverse }, remap };
}

function remapChange(change: TrackedChange, ids: ReadonlyMap<number, number>): TrackedChange {
  if (change.op === 'delete') {
    const id = ids.get(change.id);
    return id === undefined ? change : { ...change, id };
  }
  const id = change.id === undefined ? undefined : ids.get(change.id);
  const was = change.was === undefined ? undefined : ids.get(change.was);
  if (id === undefined && was === undefined) return change;
  return { ...change, ...(id === undefined ? {} : { id }), ...(was === undefined ? {} : { was }) };
}

function remapEntry(entry: HistoryEntry, ids: ReadonlyMap<number, number>): HistoryEntry {
  return { changes: entry.changes.map((c) => remapChange(c, ids)), inverse: entry.inverse.map((c) => remapChange(c, ids)) };
}

/** At most this many steps back; older ones are forgotten, as in any spreadsheet. */
export const HISTORY_LIMIT = 200;

export class UndoHistory {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** The change set an undo sends, or null. */
  nextUndo(): TrackedChange[] | null {
    return this.undoStack.at(-1)?.inverse ?? null;
  }

  /** The change set a redo sends, or null. */
  nextRedo(): TrackedChange[] | null {
    return this.redoStack.at(-1)?.inverse ?? null;
  }

  /** A new action was saved: it can be undone, and nothing undone before can be redone. */
  recorded(entry: HistoryEntry, remap: ReadonlyMap<number, number>): void {
    this.redoStack = [];
    this.undoStack.push(entry);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.remap(remap);
  }

  /** `nextUndo()` was applied; `entry` is built from its answer and is what a redo takes back. */
  undone(entry: HistoryEntry, remap: ReadonlyMap<number, number>): void {
    this.undoStack.pop();
    this.redoStack.push(entry);
    this.remap(remap);
  }

  /** `nextRedo()` was applied. */
  redone(entry: HistoryEntry, remap: ReadonlyMap<number, number>): void {
    this.redoStack.pop();
    this.undoStack.push(entry);
    this.remap(remap);
  }

  private remap(ids: ReadonlyMap<number, number>): void {
    if (ids.size === 0) return;
    this.undoStack = this.undoStack.map((e) => remapEntry(e, ids));
    this.redoStack = this.redoStack.map((e) => remapEntry(e, ids));
  }
}
