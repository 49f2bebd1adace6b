import type { Migration } from '../migrate';

/** The broker's profile: one row, edited on the Settings screen, printed on statements. */
export const migration0001: Migration = {
  id: 1,
  name: 'profile',
  sql: `
    CREATE TABLE profile (
      id              INTEGER PRIMARY KEY CHECK (id = 1),
      broker_name     TEXT NOT NULL,
      license_number  TEXT NOT NULL DEFAULT '',
      address         TEXT NOT NULL DEFAULT '',
      phone           TEXT NOT NULL DEFAULT '',
      footer_text     TEXT NOT NULL DEFAULT '',
      default_country TEXT NOT NULL CHECK (default_country IN ('KZ', 'RU', 'BY')),
      language        TEXT NOT NULL CHECK (language IN ('ru', 'kk', 'en')),
      updated_at      TEXT NOT NULL
    ) STRICT;
  `,
};
