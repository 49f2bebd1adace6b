/**
 * The one renderer of fee statements: a complete, self-contained HTML document built only from
 * the stored snapshot (and, for a cancelled statement, the cancellation record). The Electron
 * shell, browser mode, the preview iframe and the tests all print this same text, so what the
 * client took away and what is reprinted later are the same document.
 *
 * Reproducibility: nothing here reads the clock, the locale, the rate data or the database; every
 * date and number is formatted from the snapshot by src/core/format.ts. Same snapshot, same
 * renderer → same bytes.
 *
 * Safety: every value from the snapshot is HTML-escaped; links are printed as text (paper has no
 * links, and a hostile URL must not become an active one); a Content-Security-Policy in the
 * document forbids scripts and any fetch, as a second wall behind the escaping.
 *
 * Print layout: A4 portrait, DejaVu Sans (Cyrillic, Kazakh letters and ₸) named explicitly, the
 * vehicle table's header repeated on every page (`thead { display: table-header-group }`), no
 * row split across pages. Page numbers ("Page N of M") come from the PDF printer's footer
 * (`statementPrintLayout` in ./print.ts: Chromium's footerTemplate with pageNumber/totalPages),
 * because CSS alone cannot know the page count in the browser's print path; the browser's own
 * print dialog numbers pages with its "Headers and footers" option. A cancelled statement carries
 * a fixed-position diagonal mark, which Chromium repeats on every printed page.
 */
import { createHash } from 'node:crypto';
import QRCode from 'qrcode';
import type { Language } from '../../core/api/contract';
import type { Confidence } from '../../core/rates/schema';
import { formatDate, formatMoney, formatNumber } from '../../core/format';
import { STATEMENT_LABELS, type StatementLabels } from '../../core/statements/labels';
import type { StatementSnapshot, StatementVehicle } from '../../core/statements/snapshot';
import { qrPayload } from '../../core/statements/qr';
import { amountInWords } from '../../core/words';
import { shortHash, statementHash } from './hash';

export interface RenderOptions {
  cancelled?: { reason: string; at: string } | undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and attribute values alike. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const FONT = '"DejaVu Sans", "Noto Sans", sans-serif';
const MONO = '"DejaVu Sans Mono", "Noto Sans Mono", monospace';

/** Vehicle table columns: №, VIN, make/model, category, engine, production, row, base, fee (A4 body 186 mm). */
const COLUMN_WIDTHS_MM = [7, 28, 18, 19, 19, 18, 29, 22, 24];

/**
 * The document's only style element, a constant, so a page that shows the statement in a
 * srcdoc iframe (which inherits that page's Content-Security-Policy) can allow exactly this
 * stylesheet by its hash instead of allowing inline styles (STATEMENT_STYLE_CSP_SOURCE). The
 * document has no style attributes for the same reason.
 */
const CSS = `
@page { size: A4 portrait; margin: 12mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
html { font-family: ${FONT}; font-size: 8.5pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
h1 { font-size: 13pt; margin: 3mm 0 1mm; }
h2 { font-size: 10pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0.8mm 0; }
.letterhead { border-bottom: 0.6pt solid #000; padding-bottom: 2mm; }
.letterhead .broker { font-size: 11pt; font-weight: bold; }
.number { font-size: 10pt; font-weight: bold; }
.replaces { font-style: italic; }
.cancelled-line { color: #b00000; font-weight: bold; border: 0.8pt solid #b00000; padding: 1mm 2mm; margin: 2mm 0; }
table { border-collapse: collapse; width: 100%; }
table.facts td { padding: 0.6mm 2mm 0.6mm 0; vertical-align: top; }
table.facts td.k { color: #333; white-space: nowrap; width: 1%; }
table.vehicles { margin-top: 2mm; font-size: 7.5pt; table-layout: fixed; }
table.vehicles td { overflow-wrap: break-word; }
table.vehicles thead { display: table-header-group; }
table.vehicles tfoot { display: table-footer-group; }
table.vehicles th, table.vehicles td { border: 0.4pt solid #555; padding: 0.8mm 1mm; vertical-align: top; text-align: left; }
table.vehicles th { background: #e8e8e8; font-weight: bold; font-size: 7pt; white-space: normal; overflow-wrap: break-word; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; }
td.num { white-space: nowrap; }
.vin { font-family: ${MONO}; white-space: nowrap; }
table.totals { width: auto; margin-top: 2mm; }
table.totals td { padding: 0.6mm 3mm 0.6mm 0; }
.words { font-style: italic; }
.basis ul li, .notes li { margin: 0.5mm 0; break-inside: avoid; }
.basis ul, .notes ul { margin: 0.5mm 0; padding-left: 5mm; }
.note { color: #7a4b00; }
.url { word-break: break-all; color: #333; }
.closing { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; margin-top: 6mm; break-inside: avoid; }
.sign { flex: 1; }
.sign .line { border-bottom: 0.5pt solid #000; height: 9mm; margin-top: 2mm; }
.sign .stamp { margin-top: 6mm; width: 38mm; height: 38mm; border: 0.5pt dashed #888; display: flex; align-items: center; justify-content: center; color: #888; }
.verify { width: 42mm; text-align: center; font-size: 7pt; }
.verify .qr svg { width: 34mm; height: 34mm; }
.verify .hash { font-family: ${MONO}; font-size: 8pt; font-weight: bold; }
.footer-text { margin-top: 5mm; border-top: 0.4pt solid #888; padding-top: 1.5mm; font-size: 7.5pt; white-space: pre-wrap; }
.produced { font-size: 6.5pt; color: #555; }
.cancelled-mark { position: fixed; top: 45%; left: 50%; transform: translate(-50%, -50%) rotate(-35deg); font-size: 30pt; font-weight: bold; color: #eaa3a3; border: 3pt solid #eaa3a3; padding: 3mm 6mm; white-space: nowrap; z-index: 10; pointer-events: none; }
@media screen { body { max-width: 200mm; margin: 8mm auto; } }
${COLUMN_WIDTHS_MM.map((mm, i) => `col.c${i} { width: ${mm}mm; }`).join('\n')}
`;

/** The CSP source that allows the statement's style element and nothing else, e.g. for style-src. */
export const STATEMENT_STYLE_CSP_SOURCE = `'sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}'`;

/** "1–3, 5, 7–9": the statement lines a note applies to. */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** A number as entered, grouped for the language; text that is not a plain number is shown as is. */
function num(value: string, lang: Language): string {
  try {
    return formatNumber(value, lang);
  } catch {
    return value;
  }
}

function safeDate(iso: string, lang: Language): string {
  try {
    return formatDate(iso, lang);
  } catch {
    return iso;
  }
}

/** A production date as entered, in the printed order: 10.05.2023, 05.2023 or 2023. */
function partialDate(text: string, lang: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return safeDate(text, lang);
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  return month ? `${month[2]}.${month[1]}` : text;
}

function vehicleRow(v: StatementVehicle, lang: Language, L: StatementLabels): string {
  const r = v.result;
  const specs: string[] = [];
  if (v.engineCc !== null) specs.push(`${num(v.engineCc, lang)} ${L.units.cc}`);
  const power = [v.powerKw !== null ? `${num(v.powerKw, lang)} ${L.units.kw}` : null, v.powerHp !== null ? `${num(v.powerHp, lang)} ${L.units.hp}` : null].filter((x) => x !== null);
  if (power.length) specs.push(power.join(' / '));
  if (v.grossMassKg !== null) specs.push(`${num(v.grossMassKg, lang)} ${L.units.kg}`);
  const production = v.productionDate === null ? '—' : `${partialDate(v.productionDate, lang)}${v.ageYears === null ? '' : `, ${L.age(v.ageYears)}`}`;
  const base =
    r.baseRate !== null && r.coefficient !== null
      ? `${num(r.baseRate, lang)} × ${num(r.coefficient, lang)}`
      : r.baseRate !== null
        ? num(r.baseRate, lang)
        : L.fixedAmount;
  const category = [v.category, L.propulsion[v.propulsion] ?? v.propulsion, v.input.offRoad === true ? L.offRoad : ''].filter(Boolean).join(', ');
  return `<tr><td class="num">${v.line}</td><td class="vin">${escapeHtml(v.vin || '—')}</td><td>${escapeHtml([v.make, v.model].filter(Boolean).join(' ') || '—')}</td><td>${escapeHtml(category)}</td><td>${escapeHtml(specs.join('; ') || '—')}</td><td>${escapeHtml(production)}</td><td>${escapeHtml(r.row)}</td><td class="num">${escapeHtml(base)}</td><td class="num">${escapeHtml(formatMoney(r.fee, r.currency, lang))}</td></tr>`;
}

function facts(rows: [string, string][]): string {
  return `<table class="facts">${rows.map(([k, v]) => `<tr><td class="k">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

/** At most this many different sentences of one note code are printed; the rest are counted. */
const SENTENCES_PER_CODE = 3;

interface NoteGroup {
  message: string;
  lines: number[];
}

/**
 * Notes (assumptions or warnings) grouped by code, then by sentence, each with the lines it
 * concerns. A code whose sentence names each vehicle (a VIN check digit, an assumed production
 * day) would otherwise print one line per vehicle: after a few sentences the rest of that code
 * is counted with its lines, since the table already shows each vehicle's own values.
 */
export function groupedNotes(snapshot: StatementSnapshot, pick: (v: StatementVehicle) => { code: string; message: string }[]): { code: string; shown: NoteGroup[]; more: NoteGroup | null }[] {
  const byCode = new Map<string, Map<string, number[]>>();
  for (const v of snapshot.vehicles) {
    for (const note of pick(v)) {
      const messages = byCode.get(note.code) ?? new Map<string, number[]>();
      const lines = messages.get(note.message) ?? [];
      lines.push(v.line);
      messages.set(note.message, lines);
      byCode.set(note.code, messages);
    }
  }
  return [...byCode].map(([code, messages]) => {
    const all = [...messages].map(([message, lines]) => ({ message, lines }));
    if (all.length <= SENTENCES_PER_CODE) return { code, shown: all, more: null };
    const shown = all.slice(0, SENTENCES_PER_CODE - 1);
    const rest = all.slice(SENTENCES_PER_CODE - 1);
    return { code, shown, more: { message: String(rest.length), lines: rest.flatMap((r) => r.lines) } };
  });
}

function notesSection(title: string, groups: ReturnType<typeof groupedNotes>, L: StatementLabels): string {
  const item = (g: NoteGroup) => `<li>${escapeHtml(g.message)} <span class="lines">(${escapeHtml(L.lines(lineRanges(g.lines)))})</span></li>`;
  const items = groups.flatMap((g) => [
    ...g.shown.map(item),
    ...(g.more ? [`<li>${escapeHtml(L.moreNotes(Number(g.more.message)))} <span class="lines">(${escapeHtml(L.lines(lineRanges(g.more.lines)))})</span></li>`] : []),
  ]);
  const body = items.length === 0 ? `<p>${escapeHtml(L.none)}</p>` : `<ul>${items.join('')}</ul>`;
  return `<h2>${escapeHtml(title)}</h2>${body}`;
}

function basisSection(snapshot: StatementSnapshot, lang: Language, L: StatementLabels): string {
  const items = snapshot.schedules.map((s) => {
    const rows = new Map<string, { row: string; basis: string; confidence: Confidence; lines: number[] }>();
    for (const v of snapshot.vehicles) {
      if (v.result.schedule !== s.id) continue;
      const key = `${v.result.rowId}\u0000${v.result.basis}\u0000${v.result.confidence}`;
      const entry = rows.get(key) ?? { row: v.result.row, basis: v.result.basis, confidence: v.result.confidence, lines: [] };
      entry.lines.push(v.line);
      rows.set(key, entry);
    }
    const rowItems = [...rows.values()]
      .map((r) => `<li>${escapeHtml(r.row)} — ${escapeHtml(r.basis)}. ${escapeHtml(L.confidence(r.confidence))} (${escapeHtml(L.lines(lineRanges(r.lines)))})</li>`)
      .join('');
    const notes = [
      s.secondarySource ? `<p class="note">${escapeHtml(L.secondaryNote)}</p>` : '',
      s.status !== 'in-force' ? `<p class="note">${escapeHtml(L.unconfirmedNote(L.status[s.status]))}</p>` : '',
    ].join('');
    const sources = s.sources
      .map((src) => `<li>${escapeHtml(src.title)} (${escapeHtml(src.kind)})${src.url ? ` <span class="url">${escapeHtml(src.url)}</span>` : ''}</li>`)
      .join('');
    const effective = L.effective(safeDate(s.effectiveFrom, lang), s.effectiveTo === null ? null : safeDate(s.effectiveTo, lang));
    return `<li><p><b>${escapeHtml(s.act)}</b></p><p>${escapeHtml(s.title)} [${escapeHtml(s.id)}]; ${escapeHtml(effective)}; ${escapeHtml(L.status[s.status])}; ${escapeHtml(L.lastChecked(safeDate(s.lastChecked, lang)))}.${s.link ? ` <span class="url">${escapeHtml(s.link)}</span>` : ''}</p><p>${escapeHtml(L.confidence(s.confidence))}</p>${notes}<ul>${rowItems}</ul><p>${escapeHtml(L.sources)}:</p><ul>${sources}</ul></li>`;
  });
  return `<section class="basis"><h2>${escapeHtml(L.legalBasis)}</h2><ol>${items.join('')}</ol></section>`;
}

export async function renderStatementHtml(snapshot: StatementSnapshot, options: RenderOptions = {}): Promise<string> {
  const lang = snapshot.language;
  const L = STATEMENT_LABELS[lang];
  const hash = statementHash(snapshot);
  const qr = await QRCode.toString(qrPayload(snapshot, hash), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const date = formatDate(snapshot.issueDate, lang);
  const b = snapshot.broker;
  const c = snapshot.client;
  const cancelled = options.cancelled;
  const cancelledDate = cancelled ? safeDate(cancelled.at.slice(0, 10), lang) : '';

  const letterhead = `<header class="letterhead"><p class="broker">${escapeHtml(b.name)}</p>${b.licenseNumber ? `<p>${escapeHtml(L.licence)}: ${escapeHtml(b.licenseNumber)}</p>` : ''}${b.address ? `<p>${escapeHtml(b.address)}</p>` : ''}${b.phone ? `<p>${escapeHtml(L.phone)} ${escapeHtml(b.phone)}</p>` : ''}</header>`;

  const parties = facts([
    [L.client, `${c.name} (${L.clientKind[c.kind]})`],
    [L.taxId[c.country][c.kind], c.taxId],
    ...(c.address ? ([[L.address, c.address]] as [string, string][]) : []),
    [L.caseNumber, snapshot.caseNumber],
    ...(snapshot.caseReference ? ([[L.reference, snapshot.caseReference]] as [string, string][]) : []),
    [L.country, L.countries[snapshot.country]],
    [L.ruleDate, formatDate(snapshot.ruleDate, lang)],
  ]);

  const cols = L.columns;
  const head = `<colgroup>${COLUMN_WIDTHS_MM.map((_, i) => `<col class="c${i}">`).join('')}</colgroup><thead><tr><th class="num">${escapeHtml(cols.line)}</th><th>${escapeHtml(cols.vin)}</th><th>${escapeHtml(cols.makeModel)}</th><th>${escapeHtml(cols.category)}</th><th>${escapeHtml(cols.engine)}</th><th>${escapeHtml(cols.production)}</th><th>${escapeHtml(cols.row)}</th><th class="num">${escapeHtml(cols.base)}</th><th class="num">${escapeHtml(cols.fee)}</th></tr></thead>`;
  const body = `<tbody>${snapshot.vehicles.map((v) => vehicleRow(v, lang, L)).join('')}</tbody>`;

  const totals = `<section class="totals-section"><h2>${escapeHtml(L.totals)}</h2><table class="totals">${snapshot.totals
    .map(
      (t) =>
        `<tr><td><b>${escapeHtml(formatMoney(t.amount, t.currency, lang))}</b></td><td>${escapeHtml(L.vehicles(t.vehicles))}</td></tr><tr><td colspan="2" class="words">${escapeHtml(L.inWords)}: ${escapeHtml(amountInWords(t.amount, t.currency, lang))}</td></tr>`,
    )
    .join('')}</table></section>`;

  const closing = `<section class="closing"><div class="sign"><p>${escapeHtml(L.broker)}: ${escapeHtml(b.name)}</p><p>${escapeHtml(L.signature)}</p><div class="line"></div><p>${escapeHtml(L.receivedBy)}</p><div class="line"></div><div class="stamp">${escapeHtml(L.stamp)}</div></div><div class="verify"><div class="qr">${qr}</div><p>${escapeHtml(L.verification)}</p><p class="hash">${escapeHtml(shortHash(hash))}</p><p>${escapeHtml(L.verifyHint)}</p></div></section>`;

  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="tamga-statement" content="${escapeHtml(snapshot.number)}">`,
    `<meta name="tamga-statement-hash" content="${escapeHtml(hash)}">`,
    `<title>${escapeHtml(`${L.title} ${L.numberDate(snapshot.number, date)}`)}</title>`,
    `<style>${CSS}</style></head><body>`,
    cancelled ? `<div class="cancelled-mark" aria-hidden="true">${escapeHtml(L.cancelledMark)}</div>` : '',
    letterhead,
    `<h1>${escapeHtml(L.title)}</h1>`,
    `<p class="number">${escapeHtml(L.numberDate(snapshot.number, date))}</p>`,
    snapshot.replaces ? `<p class="replaces">${escapeHtml(L.replaces(snapshot.replaces.number, formatDate(snapshot.replaces.issueDate, lang)))}</p>` : '',
    cancelled ? `<p class="cancelled-line">${escapeHtml(L.cancelledMark)}. ${escapeHtml(L.cancelledLine(cancelledDate, cancelled.reason))}</p>` : '',
    parties,
    `<table class="vehicles">${head}${body}</table>`,
    totals,
    basisSection(snapshot, lang, L),
    `<section class="notes">${notesSection(L.assumptions, groupedNotes(snapshot, (v) => v.result.assumptions), L)}${notesSection(L.warnings, groupedNotes(snapshot, (v) => v.result.warnings), L)}</section>`,
    closing,
    b.footerText ? `<footer class="footer-text">${escapeHtml(b.footerText)}</footer>` : '',
    `<p class="produced">${escapeHtml(L.producedWith(snapshot.appVersion))} · ${escapeHtml(L.verification)}: ${escapeHtml(shortHash(hash))}</p>`,
    '</body></html>',
  ].join('\n');
}
