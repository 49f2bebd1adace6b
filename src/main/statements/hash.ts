/**
 * The content hash of a statement: SHA-256 of the snapshot's canonical JSON. Printed short on
 * the statement (first 16 hex digits in groups of four, enough to tell copies apart by eye) and
 * in full in the QR code, so a copy can be checked against the database with `statements.verify`.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/statements/canonical';
import type { StatementSnapshot } from '../../core/statements/snapshot';

export function statementHash(snapshot: StatementSnapshot): string {
  return createHash('sha256').update(canonicalJson(snapshot), 'utf8').digest('hex');
}

/** "3f9a 0c12 77de 41b0": what a person reads off the paper. */
export function shortHash(hash: string): string {
  return (hash.slice(0, 16).match(/.{4}/g) ?? []).join(' ');
}

/** Accepts a hash as typed from paper: either the full 64 digits or the short 16, any spacing or case. */
export function normaliseTypedHash(text: string): string {
  return text.replace(/[\s-]/g, '').toLowerCase();
}
