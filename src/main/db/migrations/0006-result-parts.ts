import type { Migration } from '../migrate';

/**
 * The part of a stored result that is the same for every vehicle priced on one rate row and day
 * (its legal basis and sources, ~80 % of the text; see src/core/api/resultParts.ts), kept once.
 * A 10,000-row recompute then writes ~0.5 KB per row instead of ~2.3 KB.
 *
 * `body` is the part's JSON and is unique, so equal parts share one row whatever produced them.
 * Parts are never changed or deleted (a row of result_parts is tiny and may be named by rows of
 * other cases), so a vehicle's `result_part` always resolves. Rows stored before this migration
 * keep their whole result and a null `result_part`; they are read as they are.
 */
export const migration0006: Migration = {
  id: 6,
  name: 'result-parts',
  sql: `
    CREATE TABLE result_parts (
      id    INTEGER PRIMARY KEY,
      body  TEXT NOT NULL UNIQUE CHECK (json_valid(body))
    ) STRICT;
    ALTER TABLE vehicles ADD COLUMN result_part INTEGER REFERENCES result_parts (id) ON DELETE RESTRICT;
  `,
};
