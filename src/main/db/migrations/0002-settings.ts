import type { Migration } from '../migrate';

/**
 * Preferences that are not part of the broker's identity, as JSON values by key; today the
 * rate schedules not in force that the broker chose to apply (e.g. Kazakhstan's measure for
 * vehicles from Russia and Belarus).
 */
export const migration0002: Migration = {
  id: 2,
  name: 'settings',
  sql: `
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
