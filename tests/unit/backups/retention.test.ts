import { describe, expect, it } from 'vitest';
import { backupsToKeep, parseBackupName, RETENTION } from '../../../src/main/db/backups';

/** Local-time dates, so "today" and "a day" mean the broker's calendar whatever TZ the run uses. */
const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);
const backup = (date: Date, id = date.toISOString()) => ({ id, createdAt: date });
const kept = (list: { id: string; createdAt: Date }[], now: Date) => list.filter((b) => backupsToKeep(list, now).has(b.id)).map((b) => b.id);

describe('backup retention', () => {
  const now = at(2026, 6, 15, 18);

  it('keeps the newest few of today and drops older ones from today', () => {
    const today = Array.from({ length: 8 }, (_, i) => backup(at(2026, 6, 15, 9 + i)));
    const result = kept(today, now);
    expect(result).toHaveLength(RETENTION.today);
    expect(result).toEqual(today.slice(-RETENTION.today).map((b) => b.id));
  });

  it('keeps the newest backup of each of the last 30 days', () => {
    const list = [backup(at(2026, 6, 14, 8), 'older-14'), backup(at(2026, 6, 14, 20), 'newest-14'), backup(at(2026, 5, 20, 10), 'may-20')];
    expect(kept(list, now).sort()).toEqual(['may-20', 'newest-14']);
  });

  it('keeps one per month beyond 30 days, for a year, and drops older ones', () => {
    const list = [
      backup(at(2026, 4, 2), 'apr-2'),
      backup(at(2026, 4, 28), 'apr-28'),
      backup(at(2025, 9, 10), 'sep-10'),
      backup(at(2025, 9, 1), 'sep-1'),
      backup(at(2025, 5, 30), 'may-2025'),
      backup(at(2024, 1, 1), 'ancient'),
    ];
    const result = kept([backup(at(2026, 6, 15, 9), 'today'), ...list], now);
    expect(result.sort()).toEqual(['apr-28', 'sep-10', 'today'].sort());
  });

  it('always keeps the newest backup, even when every backup is older than a year', () => {
    const list = [backup(at(2020, 1, 1), 'a'), backup(at(2021, 1, 1), 'b')];
    expect(kept(list, now)).toEqual(['b']);
  });

  it('counts a backup dated in the future (a clock set wrong) as today’s', () => {
    const list = [backup(at(2027, 1, 1), 'future'), ...Array.from({ length: 5 }, (_, i) => backup(at(2026, 6, 15, 10 + i), `t${i}`))];
    const result = kept(list, now);
    expect(result).toContain('future');
    expect(result).toHaveLength(RETENTION.today);
  });

  it('bounds the number kept for a year of hourly backups', () => {
    const list = Array.from({ length: 24 * 400 }, (_, i) => backup(new Date(now.getTime() - i * 3_600_000), `h${i}`));
    const keep = backupsToKeep(list, now);
    expect(keep.size).toBeLessThanOrEqual(RETENTION.today + RETENTION.days + RETENTION.months + 1);
    expect(keep.has('h0')).toBe(true);
  });

  it('is pure: the same list and time give the same answer in any order', () => {
    const list = Array.from({ length: 50 }, (_, i) => backup(new Date(now.getTime() - i * 7 * 3_600_000), `b${i}`));
    expect([...backupsToKeep([...list].reverse(), now)].sort()).toEqual([...backupsToKeep(list, now)].sort());
  });
});

describe('backup names', () => {
  it('reads kind and time from the name and ignores anything else', () => {
    expect(parseBackupName('tamga-2026-03-01T10-15-00-000Z-automatic.sqlite')).toEqual({
      kind: 'automatic',
      createdAt: new Date('2026-03-01T10:15:00.000Z'),
    });
    expect(parseBackupName('tamga-2026-03-01T10-15-00-000Z-before-migration-4.sqlite')?.kind).toBe('pre-migration');
    expect(parseBackupName('tamga-2026-03-01T10-15-00-000Z-manual-2.sqlite')?.kind).toBe('manual');
    for (const bad of ['../../etc/passwd', 'tamga.sqlite', 'tamga-2026-03-01T10-15-00-000Z-automatic.sqlite.partial', 'x-2026-03-01T10-15-00-000Z-manual.sqlite']) {
      expect(parseBackupName(bad)).toBeNull();
    }
  });
});
