import type { Migration } from '../migrate';

/**
 * Issued fee statements. A statement is the frozen snapshot (canonical JSON, exactly the text
 * whose SHA-256 is `hash`) plus what the lists show without parsing it. It is evidence the broker
 * may have to defend years later, so the database itself refuses to change or delete it: only the
 * cancellation may be written, once. Its number comes from `sequences` (name "statement-number"),
 * which only counts up, so a number is never given twice. A correction names the statement it
 * replaces; a statement is replaced at most once.
 */
export const migration0005: Migration = {
  id: 5,
  name: 'statements',
  sql: `
    CREATE TABLE statements (
      id                     INTEGER PRIMARY KEY,
      number                 TEXT NOT NULL UNIQUE,
      case_id                INTEGER NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
      vehicle_ids            TEXT CHECK (vehicle_ids IS NULL OR json_valid(vehicle_ids)),
      snapshot               TEXT NOT NULL CHECK (json_valid(snapshot)),
      hash                   TEXT NOT NULL CHECK (length(hash) = 64),
      language               TEXT NOT NULL CHECK (language IN ('ru', 'kk', 'en')),
      case_number            TEXT NOT NULL,
      client_name            TEXT NOT NULL,
      country                TEXT NOT NULL CHECK (country IN ('KZ', 'RU', 'BY')),
      rule_date              TEXT NOT NULL,
      issue_date             TEXT NOT NULL,
      vehicle_count          INTEGER NOT NULL,
      totals                 TEXT NOT NULL CHECK (json_valid(totals)),
      issued_at              TEXT NOT NULL,
      cancelled_at           TEXT,
      cancel_reason          TEXT,
      replaces_statement_id  INTEGER REFERENCES statements (id) ON DELETE RESTRICT,
      CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL))
    ) STRICT;
    CREATE INDEX statements_by_case ON statements (case_id, id);
    CREATE UNIQUE INDEX statements_by_replaced ON statements (replaces_statement_id) WHERE replaces_statement_id IS NOT NULL;

    CREATE TRIGGER statements_frozen BEFORE UPDATE OF id, number, case_id, vehicle_ids, snapshot, hash, language,
        case_number, client_name, country, rule_date, issue_date, vehicle_count, totals, issued_at, replaces_statement_id
      ON statements
    BEGIN
      SELECT RAISE(ABORT, 'an issued statement cannot be changed');
    END;
    CREATE TRIGGER statements_cancelled_once BEFORE UPDATE OF cancelled_at, cancel_reason ON statements
      WHEN OLD.cancelled_at IS NOT NULL
    BEGIN
      SELECT RAISE(ABORT, 'a statement is cancelled only once');
    END;
    CREATE TRIGGER statements_kept BEFORE DELETE ON statements
    BEGIN
      SELECT RAISE(ABORT, 'an issued statement is never deleted');
    END;
  `,
};
