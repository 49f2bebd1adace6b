import type { Migration } from '../migrate';

/**
 * Column mappings a broker saved for a client's spreadsheets, so next month's list from the same
 * carrier imports without correcting the same columns again. `mapping` is the HeaderMapping JSON
 * (column → field and unit, by header text); `header_key` is the normalised header texts joined,
 * so a file with the same header picks its mapping automatically. Deleting a client deletes its
 * mappings: they describe that client's files only.
 */
export const migration0004: Migration = {
  id: 4,
  name: 'import-mappings',
  sql: `
    CREATE TABLE import_mappings (
      id          INTEGER PRIMARY KEY,
      client_id   INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      name        TEXT NOT NULL,
      header_key  TEXT NOT NULL,
      mapping     TEXT NOT NULL CHECK (json_valid(mapping)),
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      UNIQUE (client_id, name)
    ) STRICT;
    CREATE INDEX import_mappings_by_header ON import_mappings (client_id, header_key);
  `,
};
