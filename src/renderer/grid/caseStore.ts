/**
 * The rows of one open case and everything that changes them: local edits (shown at once, with a
 * fee computed here), the debounced save through `vehicles.apply`, and undo/redo as inverse
 * change sets through the same method. Screens read it with `useSyncExternalStore`.
 *
 * All calls to the backend go through one promise chain, so a save, an undo and a redo never
 * overtake each other and every change set is built against the state the database has.
 */
import type { CaseSummary, Language, ResultOf, VehicleRow } from '../../core/api/contract';
import { joinResult } from '../../core/api/resultParts';
import { computeOne } from '../../core/engine/compute';
import {
  buildEntry,
  engineInput,
  PendingChanges,
  toApply,
  UndoHistory,
  type CellProblem,
  type RecordField,
  type StoredRow,
  type TrackedChange,
  type VehicleRecord,
} from '../../core/grid';
import type { ComputeResult } from '../../core/vehicle';
import { call } from '../api/client';
import type { LocalEngine } from './rateBundle';

export interface GridRow {
  key: string;
  /** null until the first save gives the row its id */
  id: number | null;
  position: number;
  record: VehicleRecord;
  result: ComputeResult | null;
  /** what the broker typed that could not be read as-is, by field (cleared when the cell is edited again) */
  problems: Partial<Record<RecordField, Omit<CellProblem, 'row'>>>;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export interface StoreSnapshot {
  rows: readonly GridRow[];
  save: SaveState;
  canUndo: boolean;
  canRedo: boolean;
  /** bumps on every change, for memoising views */
  version: number;
}

/** The pause after the last edit before it is saved: a burst of typing becomes one change set. */
export const SAVE_DELAY_MS = 300;

export class CaseStore {
  private snapshot: StoreSnapshot = { rows: [], save: 'saved', canUndo: false, canRedo: false, version: 0 };
  private listeners = new Set<() => void>();
  private saved = new Map<number, StoredRow>();
  private idByKey = new Map<string, number>();
  private pending = new Pending();
  private history = new UndoHistory();
  private chain: Promise<unknown> = Promise.resolve();
  private timer: number | null = null;
  private nextKey = 0;
  private engine: LocalEngine | null = null;
  private language: Language = 'ru';

  constructor(
    readonly caseId: number,
    private kase: CaseSummary,
    opened: ResultOf<'vehicles.listCompact'>,
  ) {
    const { rows, parts } = opened;
    const gridRows = rows.map((r) => this.fromServer({ id: r.id, position: r.position, record: r.record, result: r.result && joinResult(r.result, r.part === null ? null : parts[r.part]!) }));
    this.set({ rows: gridRows });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): StoreSnapshot => this.snapshot;

  setEngine(engine: LocalEngine | null, language: Language): void {
    this.engine = engine;
    this.language = language;
  }

  setCase(kase: CaseSummary): void {
    this.kase = kase;
  }

  get lastPosition(): number {
    const rows = this.snapshot.rows;
    return rows.length === 0 ? 0 : rows[rows.length - 1]!.position;
  }

  /**
   * Local edits: records replaced by key, rows created at the end, rows deleted. Shown at once;
   * saved after SAVE_DELAY_MS without further edits.
   */
  edit(change: {
    updates?: { key: string; record: VehicleRecord; problems?: GridRow['problems'] }[];
    creates?: { record: VehicleRecord; position: number; problems?: GridRow['problems'] }[];
    deletes?: string[];
  }): string[] {
    const byKey = new Map(change.updates?.map((u) => [u.key, u]));
    const deleted = new Set(change.deletes);
    const rows: GridRow[] = [];
    for (const row of this.snapshot.rows) {
      if (deleted.has(row.key)) {
        this.pending.delete(row.key);
        continue;
      }
      const update = byKey.get(row.key);
      if (!update) {
        rows.push(row);
        continue;
      }
      const problems = { ...row.problems };
      for (const field of changedFields(row.record, update.record)) delete problems[field];
      Object.assign(problems, update.problems);
      rows.push({ ...row, record: update.record, result: this.localResult(update.record), problems });
      this.pending.upsert(row.key, update.record, row.position);
    }
    const createdKeys: string[] = [];
    for (const create of change.creates ?? []) {
      const key = `new-${++this.nextKey}`;
      createdKeys.push(key);
      rows.push({ key, id: null, position: create.position, record: create.record, result: this.localResult(create.record), problems: create.problems ?? {} });
      this.pending.upsert(key, create.record, create.position);
    }
    this.set({ rows, save: 'pending' });
    this.schedule();
    return createdKeys;
  }

  /** Saves what is waiting now (on blur, before leaving, before undo). */
  flush(): Promise<void> {
    if (this.timer !== null) {
      window.clearTimeout(this.timer);
      this.timer = null;
    }
    return this.enqueue(() => this.save());
  }

  get hasUnsaved(): boolean {
    return !this.pending.isEmpty || this.snapshot.save === 'saving' || this.snapshot.save === 'failed';
  }

  undo(): Promise<void> {
    return this.flush().then(() => this.enqueue(() => this.step('undo')));
  }

  redo(): Promise<void> {
    return this.flush().then(() => this.enqueue(() => this.step('redo')));
  }

  private schedule(): void {
    if (this.timer !== null) window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.save());
    }, SAVE_DELAY_MS);
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async save(): Promise<void> {
    if (this.pending.isEmpty) return;
    const taken = this.pending.take((key) => this.idByKey.get(key));
    if (taken.changes.length === 0) {
      this.set({ save: this.pending.isEmpty ? 'saved' : 'pending' });
      return;
    }
    this.set({ save: 'saving' });
    const before = new Map(this.saved);
    const reply = await call('vehicles.apply', { caseId: this.caseId, changes: taken.changes });
    if (!reply.ok) {
      // Put the edits back so the next save (or a retry) sends them again; nothing typed is dropped.
      this.pending.restore(taken, this.snapshot.rows);
      this.set({ save: 'failed' });
      return;
    }
    const { rows, deleted } = reply.value;
    taken.upsertKeys.forEach((key, i) => {
      const row = rows[i];
      if (row) this.idByKey.set(key, row.id);
    });
    const { entry, remap } = buildEntry(taken.changes, (id) => before.get(id), reply.value);
    this.history.recorded(entry, remap);
    this.absorb(rows, deleted, new Map(taken.upsertKeys.map((key, i) => [rows[i]?.id ?? -1, key])));
  }

  private async step(direction: 'undo' | 'redo'): Promise<void> {
    const changes: TrackedChange[] | null = direction === 'undo' ? this.history.nextUndo() : this.history.nextRedo();
    if (!changes) return;
    this.set({ save: 'saving' });
    const before = new Map(this.saved);
    const reply = await call('vehicles.apply', { caseId: this.caseId, changes: toApply(changes) });
    if (!reply.ok) {
      this.set({ save: 'failed' });
      return;
    }
    const { entry, remap } = buildEntry(changes, (id) => before.get(id), reply.value);
    if (direction === 'undo') this.history.undone(entry, remap);
    else this.history.redone(entry, remap);
    this.absorb(reply.value.rows, reply.value.deleted, new Map());
  }

  /** The database's answer becomes the shown state, except for rows edited again meanwhile. */
  private absorb(rows: readonly VehicleRow[], deleted: readonly number[], keyOfNew: Map<number, string>): void {
    for (const id of deleted) this.saved.delete(id);
    const gone = new Set(deleted);
    const byId = new Map<number, VehicleRow>();
    for (const r of rows) {
      this.saved.set(r.id, { position: r.position, record: r.record });
      byId.set(r.id, r);
    }
    const next: GridRow[] = [];
    for (const row of this.snapshot.rows) {
      const id = row.id ?? this.idByKey.get(row.key) ?? null;
      if (id !== null && gone.has(id)) continue;
      const fresh = id === null ? undefined : byId.get(id);
      if (fresh) byId.delete(id!);
      const editedSince = this.pending.has(row.key);
      next.push(fresh && !editedSince ? { ...row, id, position: fresh.position, record: fresh.record, result: fresh.result } : { ...row, id });
    }
    // Rows that came back from an undo of a delete (or a redo of a paste) are new to the view.
    for (const r of byId.values()) {
      const key = keyOfNew.get(r.id) ?? `id-${r.id}`;
      this.idByKey.set(key, r.id);
      next.push(this.fromServer(r, key));
    }
    next.sort((a, b) => a.position - b.position);
    this.set({ rows: next, save: this.pending.isEmpty ? 'saved' : 'pending' });
  }

  private fromServer(r: Pick<VehicleRow, 'id' | 'position' | 'record' | 'result'>, key = `id-${r.id}`): GridRow {
    this.saved.set(r.id, { position: r.position, record: r.record });
    this.idByKey.set(key, r.id);
    return { key, id: r.id, position: r.position, record: r.record, result: r.result, problems: {} };
  }

  private localResult(record: VehicleRecord): ComputeResult | null {
    if (!this.engine) return null;
    return computeOne(engineInput(record, this.kase), this.engine.bundle, {
      language: this.language,
      applyUnconfirmed: this.engine.applyUnconfirmed,
    });
  }

  private set(patch: Partial<StoreSnapshot>): void {
    this.snapshot = {
      ...this.snapshot,
      ...patch,
      canUndo: this.history.canUndo,
      canRedo: this.history.canRedo,
      version: this.snapshot.version + 1,
    };
    for (const l of this.listeners) l();
  }
}

function changedFields(a: VehicleRecord, b: VehicleRecord): RecordField[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<RecordField>;
  return [...keys].filter((k) => a[k] !== b[k]);
}

/** The save queue with the two questions the store asks of it. */
class Pending extends PendingChanges {
  private keys = new Set<string>();

  override upsert(key: string, record: VehicleRecord, position: number): void {
    this.keys.add(key);
    super.upsert(key, record, position);
  }

  override delete(key: string): void {
    this.keys.add(key);
    super.delete(key);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  override take(idOf: (key: string) => number | undefined) {
    this.keys.clear();
    return super.take(idOf);
  }

  /** A failed save's changes, queued again from the rows as they now are. */
  restore(taken: ReturnType<PendingChanges['take']>, rows: readonly GridRow[]): void {
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const key of taken.upsertKeys) {
      const row = byKey.get(key);
      if (row && !this.has(key)) this.upsert(key, row.record, row.position);
    }
    for (const key of taken.deleteKeys) if (!this.has(key)) this.delete(key);
  }
}
