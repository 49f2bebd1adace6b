/**
 * How a statement is printed to PDF by Chromium (Playwright's page.pdf, Electron's printToPDF):
 * A4 portrait, backgrounds on, and a footer on every page with the statement number, its short
 * verification code and "Page N of M". Chromium fills `pageNumber` and `totalPages` in the footer
 * template at print time; that is the one reliable way to print the page count, which CSS in the
 * document cannot know. The footer is drawn in the bottom margin, so the margin here must leave
 * room for it (the document's own @page margins apply to the browser's print dialog). A cancelled
 * statement says so in the footer of every page as well as in the diagonal mark, so the state can
 * be read (and searched) as text even where a reader skips rotated letters.
 */
import { formatDate } from '../../core/format';
import { STATEMENT_LABELS } from '../../core/statements/labels';
import type { StatementSummary } from '../../core/api/contract';
import { shortHash } from './hash';
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

/** What the footer shows, as `statements.get` returns it. */
export type PrintedStatement = Pick<StatementSummary, 'number' | 'issueDate' | 'language' | 'hash' | 'cancelledAt'>;

export function statementPrintLayout(statement: PrintedStatement): StatementPrintLayout {
  const L = STATEMENT_LABELS[statement.language];
  const style = 'font-family: "DejaVu Sans", "Noto Sans", sans-serif; font-size: 7pt; color: #444; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between;';
  const footerTemplate =
    `<div style='${style}'><span>${statement.cancelledAt ? `<b style="color: #b00000">${escapeHtml(L.cancelledMark)}</b> · ` : ''}${escapeHtml(`${L.title} ${L.numberDate(statement.number, formatDate(statement.issueDate, statement.language))} · ${shortHash(statement.hash)}`)}</span>` +
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

/** Electron's webContents.printToPDF options for the same layout (its margins are in inches). */
export interface ElectronPdfOptions {
  pageSize: 'A4';
  landscape: false;
  printBackground: true;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  margins: { top: number; right: number; bottom: number; left: number };
  preferCSSPageSize: false;
}

const MM_PER_INCH = 25.4;
const inches = (mm: string): number => Number(mm.replace('mm', '')) / MM_PER_INCH;

export function electronPrintToPdfOptions(statement: PrintedStatement): ElectronPdfOptions {
  const layout = statementPrintLayout(statement);
  return {
    pageSize: layout.format,
    landscape: false,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: layout.headerTemplate,
    footerTemplate: layout.footerTemplate,
    margins: { top: inches(layout.margin.top), right: inches(layout.margin.right), bottom: inches(layout.margin.bottom), left: inches(layout.margin.left) },
    preferCSSPageSize: false,
  };
}
