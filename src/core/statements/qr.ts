/**
 * The text a statement's QR code holds, written by the renderer of statements and read back by
 * the verification screen: one format, in one place. A handheld scanner types this text into a
 * field like a keyboard, so the reader also takes what a person types from the paper instead:
 * the number and the printed 16-digit code (or the full 64), in any spacing.
 */
import type { StatementSnapshot } from './snapshot';

const MARK = 'TAMGA-STATEMENT';

/** What the QR code holds: enough to find the statement and check that a copy is unaltered. */
export function qrPayload(snapshot: Pick<StatementSnapshot, 'number' | 'issueDate' | 'totals'>, hash: string): string {
  const totals = snapshot.totals.map((t) => `${t.amount} ${t.currency}`).join('; ');
  return `${MARK}\nNo: ${snapshot.number}\nDate: ${snapshot.issueDate}\nTotal: ${totals}\nSHA-256: ${hash}`;
}

/**
 * The number and hash from a scanned QR text, or null when the text is not one. Scanners may
 * turn the line breaks into spaces or tabs, or type capitals, so fields are found by their labels.
 */
export function readQrPayload(text: string): { number: string; hash: string } | null {
  if (!text.toUpperCase().includes(MARK)) return null;
  const number = /No:\s*(\S+)/i.exec(text)?.[1];
  const hash = /SHA-256:\s*([0-9a-f]{64})(?![0-9a-f])/i.exec(text)?.[1];
  return number && hash ? { number, hash: hash.toLowerCase() } : null;
}
