/**
 * Edits waiting for the next save. Several edits of one row between two saves become one upsert
 * of its latest record; a row created and deleted before it was ever saved never reaches the
 * database. The queue speaks in row keys; ids are looked up when the change set is taken, after
 * the previous save has given new rows theirs.
 */
import type { Change, VehicleRecord } from './types';

export interface TakenChanges {
  changes: Change[];
  /** the row key of each upsert, in order (the answer's rows come back in this order) */
  upsertKeys: string[];
  /** the row key of each delete, in order */
  deleteKeys: string[];
}

export class PendingChanges {
  private upserts = new Map<string, { record: VehicleRecord; position: number }>();
  private deletes = new Set<string>();

  get isEmpty(): boolean {
    return this.upserts.size === 0 && this.deletes.size === 0;
  }

  upsert(key: string, record: VehicleRecord, position: number): void {
    this.deletes.delete(key);
    this.upserts.set(key, { record, position });
  }

  delete(key: string): void {
    this.upserts.delete(key);
    this.deletes.add(key);
  }

  /** Empties the queue into one change set. `idOf` gives a saved row's id, undefined for a new row. */
  take(idOf: (key: string) => number | undefined): TakenChanges {
    const taken: TakenChanges = { changes: [], upsertKeys: [], deleteKeys: [] };
    for (const [key, { record, position }] of this.upserts) {
      const id = idOf(key);
      taken.changes.push(id === undefined ? { op: 'upsert', position, record } : { op: 'upsert', id, position, record });
      taken.upsertKeys.push(key);
    }
    for (const key of this.deletes) {
      const id = idOf(key);
      if (id === undefined) continue;
      taken.changes.push({ op: 'delete', id });
      taken.deleteKeys.push(key);
    }
    this.upserts.clear();
    this.deletes.clear();
    return taken;
  }
}
