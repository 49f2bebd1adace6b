import type { Migration } from '../migrate';

/**
 * The broker's workspace: clients, their cases, the vehicles of a case, and an audit trail.
 *
 * - A case number is drawn from `sequences` (one row per year), which only ever counts up, so a
 *   number once given is never given again, even if its case is later removed by hand.
 * - Deleting: a client with cases cannot be deleted (RESTRICT: the cases would lose who they
 *   were for); removing a case removes its vehicles (CASCADE: rows have no meaning outside it)
 *   but not while audit entries name it (RESTRICT: the trail outlives any edit). Vehicle ids in
 *   the audit log carry no foreign key, so entries about a deleted row stay.
 * - A vehicle keeps the record as typed (JSON) and the last authoritative result (JSON) beside
 *   it, with the columns list, search and totals need extracted: the VIN, whether the result is
 *   ok, its currency and fee in minor units (an exact integer, so SUM is exact money), and its
 *   error and warning counts. `position` is REAL so a row can be inserted between two others.
 */
export const migration0003: Migration = {
  id: 3,
  name: 'workspace',
  sql: `
    CREATE TABLE clients (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('individual', 'company')),
      name        TEXT NOT NULL,
      country     TEXT NOT NULL CHECK (country IN ('KZ', 'RU', 'BY')),
      tax_id      TEXT NOT NULL,
      phone       TEXT NOT NULL DEFAULT '',
      email       TEXT NOT NULL DEFAULT '',
      address     TEXT NOT NULL DEFAULT '',
      notes       TEXT NOT NULL DEFAULT '',
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX clients_by_name ON clients (name COLLATE NOCASE);
    CREATE INDEX clients_by_tax_id ON clients (tax_id);

    CREATE TABLE sequences (
      name  TEXT PRIMARY KEY,
      last  INTEGER NOT NULL CHECK (last >= 0)
    ) STRICT;

    CREATE TABLE cases (
      id            INTEGER PRIMARY KEY,
      number        TEXT NOT NULL UNIQUE,
      client_id     INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
      country       TEXT NOT NULL CHECK (country IN ('KZ', 'RU', 'BY')),
      rule_date     TEXT NOT NULL CHECK (rule_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      importer      TEXT CHECK (importer IN ('individual', 'company')),
      personal_use  INTEGER CHECK (personal_use IN (0, 1)),
      reference     TEXT NOT NULL DEFAULT '',
      status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'paid', 'cancelled')),
      archived      INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_by_client ON cases (client_id, rule_date);
    CREATE INDEX cases_by_updated ON cases (archived, updated_at);
    CREATE INDEX cases_by_created ON cases (archived, created_at);
    CREATE INDEX cases_by_rule_date ON cases (archived, rule_date);

    CREATE TABLE vehicles (
      id             INTEGER PRIMARY KEY,
      case_id        INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
      position       REAL NOT NULL,
      record         TEXT NOT NULL,
      vin            TEXT,
      result         TEXT,
      ok             INTEGER CHECK (ok IN (0, 1)),
      currency       TEXT CHECK (currency IN ('KZT', 'RUB', 'BYN')),
      fee_minor      INTEGER,
      error_count    INTEGER NOT NULL DEFAULT 0,
      warning_count  INTEGER NOT NULL DEFAULT 0,
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX vehicles_by_case ON vehicles (case_id, position);
    CREATE INDEX vehicles_totals ON vehicles (case_id, ok, currency, fee_minor, warning_count);
    CREATE INDEX vehicles_by_vin ON vehicles (vin) WHERE vin IS NOT NULL;

    CREATE TABLE audit_log (
      id          INTEGER PRIMARY KEY,
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL,
      case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
      vehicle_id  INTEGER,
      action      TEXT NOT NULL,
      field       TEXT,
      old_value   TEXT,
      new_value   TEXT
    ) STRICT;
    CREATE INDEX audit_by_case ON audit_log (case_id, id);
  `,
};
