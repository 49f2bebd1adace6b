/**
 * Every migration the app knows, in order. Append only: a shipped migration is never edited or
 * removed, because a database's recorded history must stay a prefix of this list
 * (see ../migrate.ts, which refuses any other history).
 */
import type { Migration } from '../migrate';
import { migration0001 } from './0001-profile';
import { migration0002 } from './0002-settings';
import { migration0003 } from './0003-workspace';
import { migration0004 } from './0004-import-mappings';
import { migration0005 } from './0005-statements';
import { migration0006 } from './0006-result-parts';
import { migration0007 } from './0007-statement-html';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007];
