/**
 * How a statement is printed to PDF by Chromium (Playwright's page.pdf, Electron's printToPDF):
 * A4 portrait, backgrounds on, and a footer on every page with the statement number, its short
 * verification code and "Page N of M". Chromium fills `pageNumber` and `totalPages` in the footer
 * template at print time; that is the one reliable way to print the page count, which CSS in the
 * document cannot know. The footer is drawn in the bottom margin, so the margin here must leave
 * room for it (the document's own @page margins apply to the browser's print dialog).
 */
import { formatDate } from '../../core/format';
import { STATEMENT_LABELS } from '../../core/statements/labels';
import type { StatementSnapshot } from '../../core/statements/snapshot';
import { shortHash, statementHash } from './hash';
import { escapeHtml } from './render';

export interface StatementPrintLayout {
  format: 'A4';
  landscape: false;
  printBackground: true;
  displayHeaderFooter: true;
  /** an empty header: Chromium's default one would print the date and the page title */
  headerTemplate: string;
  footerTemplate: string;
  margin: { top: string; right: string; bottom: string; left: string };
}

export function statementPrintLayout(snapshot: StatementSnapshot): StatementPrintLayout {
  const L = STATEMENT_LABELS[snapshot.language];
  const style = 'font-family: "DejaVu Sans", "Noto Sans", sans-serif; font-size: 7pt; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;';
  const footerTemplate =
    `<div style='${style}'><span>${escapeHtml(`${L.title} ${L.numberDate(snapshot.number, formatDate(snapshot.issueDate, snapshot.language))} · ${shortHash(statementHash(snapshot))}`)}</span>` +
    `<span>${escapeHtml(L.pageOf.page)} <span class="pageNumber"></span> ${escapeHtml(L.pageOf.of)} <span class="totalPages"></span></span></div>`;
  return {
    format: 'A4',
    landscape: false,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate,
    margin: { top: '12mm', right: '12mm', bottom: '16mm', left: '12mm' },
  };
}
