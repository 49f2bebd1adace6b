/**
 * "Save as PDF" for a statement in the desktop app: everything except Electron's own printing.
 * The stored document is written to a temporary file (a data: URL is too long for a 1,000-vehicle
 * statement), which the shell loads in a hidden window with JavaScript off and prints with
 * printToPDF using the same page layout as the tests' PDFs.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StatementService } from '../services/statements';
import { electronPrintToPdfOptions, type ElectronPdfOptions } from '../statements/print';

export interface StatementPdfJob {
  htmlFile: string;
  options: ElectronPdfOptions;
  /** suggested file name for the save dialog */
  fileName: string;
  cleanup(): Promise<void>;
}

export async function prepareStatementPdf(statements: StatementService, id: unknown): Promise<StatementPdfJob | null> {
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return null;
  const summary = statements.get(id);
  const { html } = await statements.html(id);
  const dir = await mkdtemp(join(tmpdir(), 'tamga-statement-'));
  const htmlFile = join(dir, 'statement.html');
  await writeFile(htmlFile, html, 'utf8');
  return {
    htmlFile,
    options: electronPrintToPdfOptions(summary),
    fileName: `${summary.number}.pdf`,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
