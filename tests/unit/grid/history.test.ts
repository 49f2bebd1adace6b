import { describe, expect, it } from 'vitest';
import { buildEntry, toApply, UndoHistory, type StoredRow, type TrackedChange } from '../../../src/core/grid/history';
import { PendingChanges } from '../../../src/core/grid/queue';
import type { ApplyOutcome, Change, VehicleRecord } from '../../../src/core/grid/types';

/** A stand-in for the database behind `vehicles.apply`: ids never reused, one answer row per upsert. */
class FakeStore {
  rows = new Map<number, StoredRow>();
  private nextId = 1;

  apply(changes: readonly Change[]): ApplyOutcome {
    const outcome: ApplyOutcome = { rows: [], deleted: [] };
    for (const c of changes) {
      if (c.op === 'delete') {
        if (!this.rows.delete(c.id)) throw new Error(`no row ${c.id}`);
        outcome.deleted.push(c.id);
        continue;
      }
      const id = c.id ?? this.nextId++;
      if (c.id !== undefined && !this.rows.has(c.id)) throw new Error(`no row ${c.id}`);
      const position = c.position ?? this.rows.get(id)?.position ?? 0;
      this.rows.set(id, { position, record: c.record });
      outcome.rows.push({ id, position, record: c.record });
    }
    return outcome;
  }

  snapshot(): { position: number; record: VehicleRecord }[] {
    return [...this.rows.values()].sort((a, b) => a.position - b.position);
  }
}

function harness() {
  const store = new FakeStore();
  const history = new UndoHistory();
  const run = (changes: TrackedChange[]) => {
    const before = new Map(store.rows);
    const outcome = store.apply(toApply(changes));
    return buildEntry(changes, (id) => before.get(id), outcome);
  };
  return {
    store,
    history,
    act(changes: TrackedChange[]) {
      const { entry, remap } = run(changes);
      history.recorded(entry, remap);
    },
    undo() {
      const changes = history.nextUndo();
      if (!changes) throw new Error('nothing to undo');
      const { entry, remap } = run(changes);
      history.undone(entry, remap);
    },
    redo() {
      const changes = history.nextRedo();
      if (!changes) throw new Error('nothing to redo');
      const { entry, remap } = run(changes);
      history.redone(entry, remap);
    },
  };
}

const m1 = { category: 'M1', engineCc: 1600 };

describe('undo and redo are inverse change sets', () => {
  it('an edit undoes to the old record and redoes to the new one', () => {
    const h = harness();
    h.act([{ op: 'upsert', position: 1, record: m1 }]);
    const id = [...h.store.rows.keys()][0]!;
    h.act([{ op: 'upsert', id, position: 1, record: { ...m1, engineCc: 2500 } }]);
    expect(h.history.nextUndo()).toEqual([{ op: 'upsert', id, position: 1, record: m1 }]);
    h.undo();
    expect(h.store.rows.get(id)!.record).toEqual(m1);
    h.redo();
    expect(h.store.rows.get(id)!.record).toEqual({ ...m1, engineCc: 2500 });
  });

  it('undo of a paste that created rows deletes them; redo creates them again', () => {
    const h = harness();
    h.act([{ op: 'upsert', position: 1, record: m1 }, { op: 'upsert', position: 2, record: { category: 'N1' } }]);
    const ids = [...h.store.rows.keys()];
    expect(h.history.nextUndo()).toEqual(ids.map((id) => ({ op: 'delete', id })).reverse());
    h.undo();
    expect(h.store.rows.size).toBe(0);
    h.redo();
    expect(h.store.snapshot()).toEqual([{ position: 1, record: m1 }, { position: 2, record: { category: 'N1' } }]);
  });

  it('undo of a delete creates the rows again at their positions, and later steps follow the new ids', () => {
    const h = harness();
    h.act([1, 2, 3].map((p) => ({ op: 'upsert', position: p, record: { id: `r${p}` } })));
    const [, second] = [...h.store.rows.keys()];
    h.act([{ op: 'upsert', id: second!, record: { id: 'r2', make: 'Lada' } }]);
    h.act([{ op: 'delete', id: second! }]);
    expect(h.store.snapshot().map((r) => r.record.id)).toEqual(['r1', 'r3']);

    h.undo(); // the delete: the row comes back, under a new id, at position 2
    expect(h.store.snapshot()).toEqual([
      { position: 1, record: { id: 'r1' } },
      { position: 2, record: { id: 'r2', make: 'Lada' } },
      { position: 3, record: { id: 'r3' } },
    ]);
    expect(h.store.rows.has(second!)).toBe(false);

    h.undo(); // the edit, on the row's new id
    expect(h.store.snapshot()[1]!.record).toEqual({ id: 'r2' });
    h.redo();
    h.redo(); // the delete again
    expect(h.store.snapshot().map((r) => r.record.id)).toEqual(['r1', 'r3']);
    h.undo();
    h.undo();
    h.undo(); // the creation of all three
    expect(h.store.rows.size).toBe(0);
    h.redo();
    h.redo();
    h.redo();
    expect(h.store.snapshot().map((r) => r.record)).toEqual([{ id: 'r1' }, { id: 'r3' }]);
  });

  it('a new action forgets what could be redone', () => {
    const h = harness();
    h.act([{ op: 'upsert', position: 1, record: m1 }]);
    h.undo();
    expect(h.history.canRedo).toBe(true);
    h.act([{ op: 'upsert', position: 1, record: { category: 'N1' } }]);
    expect(h.history.canRedo).toBe(false);
    expect(h.history.canUndo).toBe(true);
  });

  it('sends nothing but the contract fields', () => {
    expect(toApply([{ op: 'upsert', position: 4, record: m1, was: 7 }, { op: 'delete', id: 3 }])).toEqual([
      { op: 'upsert', position: 4, record: m1 },
      { op: 'delete', id: 3 },
    ]);
  });
});

describe('the save queue', () => {
  it('coalesces edits of one row and drops a row created and deleted before any save', () => {
    const q = new PendingChanges();
    q.upsert('k1', { category: 'M1' }, 1);
    q.upsert('k1', { category: 'M2' }, 1);
    q.upsert('new', { category: 'N1' }, 2);
    q.delete('new');
    q.delete('k2');
    const taken = q.take((key) => ({ k1: 10, k2: 11 })[key]);
    expect(taken.changes).toEqual([
      { op: 'upsert', id: 10, position: 1, record: { category: 'M2' } },
      { op: 'delete', id: 11 },
    ]);
    expect(taken.upsertKeys).toEqual(['k1']);
    expect(q.isEmpty).toBe(true);
  });
});
