/**
 * Fee statements end to end: cases built through the browser-mode API, statements issued, the
 * stored HTML printed to PDF by Chromium exactly as the shell does (statementPrintLayout), and
 * the PDF read back with pdftotext. Page 1 of each PDF is rendered to PNG in reports/statements/
 * (not test-results/, which Playwright empties) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { StatementSummary } from '../../src/core/api/contract';
import { statementPrintLayout } from '../../src/main/statements/print';
import { test, expect, type RunningApp } from './fixtures';

const REPORTS = 'reports/statements';
const KZ_IIN = '900101300007';

async function api<T>(request: APIRequestContext, app: RunningApp, method: string, data: unknown): Promise<T> {
  const response = await request.post(`${app.origin}/api/${method}`, { headers: { 'x-tamga-token': app.token, 'content-type': 'application/json' }, data });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value as T;
}

const vinOf = (i: number) => `XTA2118${String(i).padStart(10, '0')}`;

/** A client and a KZ case of `count` cars (engine volumes vary so rows differ). */
async function makeCase(request: APIRequestContext, app: RunningApp, count: number): Promise<{ caseId: number; vehicleIds: number[] }> {
  const client = await api<{ id: number }>(request, app, 'clients.save', { kind: 'individual', name: 'Сәрсенов Әлихан', country: 'KZ', taxId: KZ_IIN });
  const kase = await api<{ id: number }>(request, app, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual', reference: 'ДТ 10000000/010626/0000001' });
  const changes = Array.from({ length: count }, (_, i) => ({
    op: 'upsert',
    record: { vin: vinOf(i + 1), make: 'Lada', model: 'Vesta', category: 'M1', propulsion: 'ice', engineCc: [1598, 2488, 999][i % 3], productionDate: `202${i % 5}-0${1 + (i % 9)}` },
  }));
  const applied = await api<{ rows: { id: number }[] }>(request, app, 'vehicles.apply', { caseId: kase.id, changes });
  return { caseId: kase.id, vehicleIds: applied.rows.map((r) => r.id) };
}

async function profile(request: APIRequestContext, app: RunningApp): Promise<void> {
  await api(request, app, 'profile.save', { brokerName: 'ТОО «Тамга Брокер»', licenseNumber: 'ЛБ-0042', address: 'Алматы, пр. Абая, 10', phone: '+7 727 000 00 00', footerText: 'Расчёт носит справочный характер. IBAN KZ00 0000 0000 0000', defaultCountry: 'KZ', language: 'ru' });
}

interface Printed {
  pages: string[];
  text: string;
  /** per page, the letters printed diagonally (the cancelled mark) */
  diagonal: Map<string, number>[];
}

/** Prints the statement HTML to PDF with the shell's layout and reads each page's text back. */
async function print(page: Page, html: string, statement: StatementSummary, name: string): Promise<Printed> {
  const dir = mkdtempSync(join(tmpdir(), 'tamga-pdf-'));
  try {
    await page.setContent(html);
    const pdf = await page.pdf(statementPrintLayout(statement));
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    const pages: string[] = [];
    const diagonal: Map<string, number>[] = [];
    for (let p = 1; p <= count; p++) {
      pages.push(normalise(execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' })));
      diagonal.push(diagonalLetters(file, p));
    }
    mkdirSync(REPORTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, join(REPORTS, name)]);
    return { pages, text: pages.join('\n'), diagonal };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext keeps U+00A0 and lays columns out with runs of spaces: compare on single spaces. */
function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');
}

/**
 * The letters set diagonally on a page: pdftotext's text minus its text with `-nodiag`, counted
 * letter by letter (rotated text comes out in pieces mixed with neighbouring lines).
 */
function diagonalLetters(file: string, page: number): Map<string, number> {
  const read = (extra: string[]) => execFileSync('pdftotext', [...extra, '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  const count = (text: string) => {
    const m = new Map<string, number>();
    for (const ch of text.replace(/\s/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const all = count(read([]));
  const straight = count(read(['-nodiag']));
  return new Map([...all].map(([ch, n]) => [ch, n - (straight.get(ch) ?? 0)]));
}

function hasDiagonal(letters: Map<string, number>, word: string): boolean {
  const need = new Map<string, number>();
  for (const ch of word) need.set(ch, (need.get(ch) ?? 0) + 1);
  return [...need].every(([ch, n]) => (letters.get(ch) ?? 0) >= n);
}

/** The statement's own figures, read through the API the UI uses. */
async function statementOf(request: APIRequestContext, app: RunningApp, id: number): Promise<{ summary: StatementSummary; html: string }> {
  const summary = await api<StatementSummary>(request, app, 'statements.get', { id });
  const { html } = await api<{ html: string }>(request, app, 'statements.html', { id });
  return { summary, html };
}

/**
 * What a scanner reads from the printed statement's QR code: the PDF as printed, its pages as
 * images, decoded by zbarimg (zbar-tools), as a handheld scanner would decode the paper.
 */
async function scanQr(page: Page, html: string, statement: StatementSummary): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tamga-qr-'));
  try {
    await page.setContent(html);
    const file = join(dir, 'statement.pdf');
    writeFileSync(file, await page.pdf(statementPrintLayout(statement)));
    execFileSync('pdftoppm', ['-png', '-r', '200', file, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).map((f) => join(dir, f));
    // zbarimg fails (exit 4) on a page without a code: ask page by page, as a person turns them.
    const codes = pages.flatMap((png) => {
      try {
        return [execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()];
      } catch {
        return [];
      }
    });
    expect(codes, 'one QR code on the printed statement').toHaveLength(1);
    return codes[0]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe('fee statements', () => {
  test('a 3-vehicle statement prints its number, VINs, totals, words and acts; editing the case changes nothing; cancelling marks every page', async ({ page, request, app }) => {
    await profile(request, app);
    const { caseId, vehicleIds } = await makeCase(request, app, 3);
    const issued = await api<StatementSummary>(request, app, 'statements.issue', { caseId });
    const { html } = await statementOf(request, app, issued.id);
    const acts = (await api<{ id: string; act: string; status: string }[]>(request, app, 'rates.list', { country: 'KZ', date: '2026-06-01', language: 'ru' })).filter((s) => s.status === 'in-force');

    const printed = await print(page, html, issued, 'statement-3-vehicles');
    expect(printed.text).toContain(`№ ${issued.number} от`);
    for (let i = 1; i <= 3; i++) expect(printed.text).toContain(vinOf(i));
    const total = issued.totals[0]!;
    expect(total.currency).toBe('KZT');
    const grouped = total.amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(printed.text).toContain(`${grouped} ₸`);
    expect(printed.text.replace(/\s+/g, ' ')).toMatch(/Сумма прописью: [А-ЯЁ][а-яё ]+ тенге 00 тиын/);
    expect(printed.text).toContain('Правовое основание');
    expect(acts.some((a) => printed.text.replace(/\s+/g, ' ').includes(a.act.slice(0, 30)))).toBe(true);
    expect(printed.text).toContain(issued.shortHash);
    expect(printed.pages.at(-1)).toContain(`Страница ${printed.pages.length} из ${printed.pages.length}`);

    // The case changes after issue: the printed statement does not.
    const rows = await api<{ id: number; record: Record<string, unknown> }[]>(request, app, 'vehicles.list', { caseId });
    await api(request, app, 'vehicles.apply', { caseId, changes: [{ op: 'upsert', id: vehicleIds[0], record: { ...rows[0]!.record, engineCc: 3500, vin: 'XTA2118CHANGED000' } }] });
    await api(request, app, 'cases.update', { id: caseId, reference: 'changed later' });
    const reprint = await statementOf(request, app, issued.id);
    expect(reprint.html).toBe(html);
    expect(reprint.summary.hash).toBe(issued.hash);
    expect(await api(request, app, 'statements.verify', { number: issued.number, hash: issued.shortHash })).toMatchObject({ found: true, matches: true });

    await api(request, app, 'statements.cancel', { id: issued.id, reason: 'ошибка в объёме двигателя' });
    const cancelled = await statementOf(request, app, issued.id);
    const printedCancelled = await print(page, cancelled.html, cancelled.summary, 'statement-3-vehicles-cancelled');
    expect(printedCancelled.pages.length).toBeGreaterThan(1);
    printedCancelled.pages.forEach((text, i) => {
      // in the footer of every page, and as the diagonal mark across it
      expect(text).toContain('АННУЛИРОВАНО / CANCELLED');
      expect(hasDiagonal(printedCancelled.diagonal[i]!, 'АННУЛИРОВАНОCANCELLED'), `diagonal mark on page ${i + 1}`).toBe(true);
    });
    expect(printed.diagonal.some((d) => hasDiagonal(d, 'CANCELLED'))).toBe(false);
    expect(printedCancelled.text).toContain('ошибка в объёме двигателя');
    expect(printedCancelled.text).toContain(issued.number);

    const corrected = await api<StatementSummary>(request, app, 'statements.reissue', { id: issued.id });
    expect(corrected.replaces?.number).toBe(issued.number);
    const correctedHtml = (await statementOf(request, app, corrected.id)).html;
    expect(correctedHtml).toContain('XTA2118CHANGED000');
    expect(correctedHtml).toContain(`Взамен расчёта № ${issued.number}`);
  });

  test('the QR code scanned off a printed statement checks it against the database on the Verify screen', async ({ page, request, app }) => {
    await profile(request, app);
    const { caseId } = await makeCase(request, app, 3);
    const issued = await api<StatementSummary>(request, app, 'statements.issue', { caseId });
    const scanned = await scanQr(page, (await statementOf(request, app, issued.id)).html, issued);
    expect(scanned).toContain(`No: ${issued.number}`);
    expect(scanned).toContain(`SHA-256: ${issued.hash}`);

    await page.goto(app.url);
    await page.getByRole('link', { name: 'Проверка расчёта', exact: true }).click();
    await expect(page).toHaveURL(/#\/verify$/);
    const answer = page.getByRole('status');
    // A scanner types the code's text into the field; the check needs no button.
    await page.getByLabel('Текст QR-кода').fill(scanned);
    await expect(answer).toContainText(`Совпадает: расчёт № ${issued.number}`);
    await expect(answer).toContainText('Сәрсенов Әлихан');
    await expect(page.getByLabel('Номер расчёта')).toHaveValue(issued.number);
    mkdirSync(REPORTS, { recursive: true });
    await page.screenshot({ path: join(REPORTS, 'verify-match.png'), fullPage: true });

    // Typed from the paper: the printed 16-digit code; one wrong digit is a copy that was altered.
    await page.getByLabel('Текст QR-кода').fill('');
    await page.getByLabel('Контрольный код').fill(issued.shortHash);
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect(answer).toContainText(`Совпадает: расчёт № ${issued.number}`);
    const altered = `${issued.shortHash.slice(0, -1)}${issued.shortHash.endsWith('0') ? '1' : '0'}`;
    await page.getByLabel('Контрольный код').fill(altered);
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect(answer).toContainText(`Не совпадает: расчёт № ${issued.number} есть в базе`);
    await page.getByLabel('Номер расчёта').fill('1999-000001');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect(answer).toContainText('Расчёта № 1999-000001 в этой базе нет');

    // Text that is not a statement's code is refused with a way forward.
    await page.getByLabel('Номер расчёта').fill('');
    await page.getByLabel('Текст QR-кода').fill('https://example.com/not-a-statement');
    await page.getByRole('button', { name: 'Проверить' }).click();
    await expect(page.getByText('Это не QR-код расчёта Tamga')).toBeVisible();

    // The same paper after the statement is cancelled: it matches, and says it no longer stands.
    await api(request, app, 'statements.cancel', { id: issued.id, reason: 'ошибка в объёме двигателя' });
    await page.getByLabel('Текст QR-кода').fill(scanned);
    await expect(answer).toContainText(`Совпадает: расчёт № ${issued.number}`);
    await expect(answer).toContainText('Расчёт аннулирован');
    await expect(answer).toContainText('ошибка в объёме двигателя');
  });

  test('a 1,000-vehicle statement repeats the table header on every page and numbers pages N of M', async ({ page, request, app }) => {
    test.setTimeout(180_000);
    await profile(request, app);
    const { caseId } = await makeCase(request, app, 1000);
    const issued = await api<StatementSummary>(request, app, 'statements.issue', { caseId, language: 'ru' });
    expect(issued.vehicleCount).toBe(1000);
    const { html } = await statementOf(request, app, issued.id);
    const printed = await print(page, html, issued, 'statement-1000-vehicles');
    const total = printed.pages.length;
    expect(total).toBeGreaterThan(20);
    let tablePages = 0;
    printed.pages.forEach((text, i) => {
      expect(text).toContain(`Страница ${i + 1} из ${total}`);
      if (/^\s*\d+\s+XTA2118\d{10}/m.test(text)) {
        tablePages++;
        expect(text, `page ${i + 1} has vehicle rows but no table header`).toMatch(/VIN\s+Марка,/);
      }
    });
    expect(tablePages).toBeGreaterThan(20);
    for (let i = 1; i <= 1000; i++) expect(printed.text).toContain(vinOf(i));
    // each vehicle row printed once: no row split or repeated across a page break
    expect(printed.text.match(/^\s*\d+\s+XTA2118\d{10}/gm)).toHaveLength(1000);
    const grouped = issued.totals[0]!.amount.replace('.', ',').replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    expect(printed.text).toContain(`${grouped} ₸`);
  });

  test('Kazakh and English statements print their own words', async ({ page, request, app }) => {
    await profile(request, app);
    const { caseId } = await makeCase(request, app, 2);
    const kk = await api<StatementSummary>(request, app, 'statements.issue', { caseId, language: 'kk' });
    const kkDoc = await statementOf(request, app, kk.id);
    const kkText = (await print(page, kkDoc.html, kk, 'statement-kk')).text.replace(/\s+/g, ' ');
    expect(kkText).toContain('Кәдеге жарату алымының есебі');
    expect(kkText).toMatch(/Жазбаша сомасы: [А-ЯӘҒҚҢӨҰҮҺІ][а-яәғқңөұүһі ]+ теңге 00 тиын/);
    expect(kkText).toContain('Бет 1 / ');
    const en = await api<StatementSummary>(request, app, 'statements.issue', { caseId, language: 'en' });
    const enDoc = await statementOf(request, app, en.id);
    const enText = (await print(page, enDoc.html, en, 'statement-en')).text.replace(/\s+/g, ' ');
    expect(enText).toContain('Recycling fee statement');
    expect(enText).toMatch(/Amount in words: [A-Z][a-z -]+ tenge 00 tiyn/);
    expect(enText).toContain('Page 1 of ');
  });
});
