import type { Migration } from '../migrate';

/**
 * The rendered statement, stored once at issue. The snapshot already fixes every figure; storing
 * the document too means a reprint years later is the same bytes even after the app's own layout
 * code has changed. Written once (NULL → text), never changed afterwards.
 */
export const migration0007: Migration = {
  id: 7,
  name: 'statement-html',
  sql: `
    ALTER TABLE statements ADD COLUMN html TEXT;
    CREATE TRIGGER statements_html_once BEFORE UPDATE OF html ON statements
      WHEN OLD.html IS NOT NULL
    BEGIN
      SELECT RAISE(ABORT, 'a rendered statement cannot be changed');
    END;
  `,
};
