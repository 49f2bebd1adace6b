/** App preferences stored as JSON by key in `settings`; each key validated by the contract's schema. */
import type { Database } from 'better-sqlite3';
import { settingsSchema, type Settings } from '../../core/api/contract';

export const DEFAULT_SETTINGS: Settings = { applyUnconfirmed: [] };

export class SettingsService {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored: Record<string, unknown> = {};
    for (const row of rows) stored[row.key] = JSON.parse(row.value) as unknown;
    // A value written by another version that no longer validates falls back to its default.
    const parsed = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...stored });
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  }

  save(settings: Settings): Settings {
    const upsert = this.db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(settings)) upsert.run(key, JSON.stringify(value), at);
    })();
    return this.get();
  }
}
