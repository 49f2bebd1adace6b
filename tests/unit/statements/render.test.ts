import { describe, expect, it } from 'vitest';
import { statementHash, shortHash } from '../../../src/main/statements/hash';
import { canonicalJson } from '../../../src/core/statements/canonical';
import { qrPayload, readQrPayload } from '../../../src/core/statements/qr';
import { escapeHtml, groupedNotes, lineRanges, renderStatementHtml, STATEMENT_STYLE_CSP_SOURCE } from '../../../src/main/statements/render';
import { electronPrintToPdfOptions, statementPrintLayout } from '../../../src/main/statements/print';
import { snapshot, vinOf } from './fixture';

/** The document's text as a reader sees it: tags dropped, entities for the escaped characters decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\n]+/g, ' ');
}

describe('canonical JSON and the statement hash', () => {
  it('sorts keys, drops undefined, keeps arrays in order, refuses what JSON cannot carry', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 'x', c: undefined }], e: null })).toBe('{"a":[2,{"d":"x"}],"b":1,"e":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ a: 1n })).toThrow(TypeError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
  });

  it('same snapshot → same hash, whatever the key order', () => {
    const a = snapshot();
    const rebuilt = Object.fromEntries(Object.entries(structuredClone(a)).reverse()) as typeof a;
    expect(statementHash(a)).toBe(statementHash(snapshot()));
    expect(statementHash(rebuilt)).toBe(statementHash(a));
    expect(statementHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(shortHash(statementHash(a))).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  });

  const changes: [string, (s: ReturnType<typeof snapshot>) => void][] = [
    ['number', (s) => (s.number = '2026-000002')],
    ['issue date', (s) => (s.issueDate = '2026-03-03')],
    ['language', (s) => (s.language = 'en')],
    ['app version', (s) => (s.appVersion = '0.1.1')],
    ['broker name', (s) => (s.broker.name += '.')],
    ['footer', (s) => (s.broker.footerText = '')],
    ['client tax id', (s) => (s.client.taxId = '900101300124')],
    ['rule date', (s) => (s.ruleDate = '2026-03-02')],
    ['a VIN', (s) => (s.vehicles[1]!.vin = 'X')],
    ['a fee', (s) => (s.vehicles[0]!.result.fee = '756875.01')],
    ['a coefficient', (s) => (s.vehicles[0]!.result.coefficient = '3.6')],
    ['a warning', (s) => (s.vehicles[0]!.result.warnings = [{ code: 'x', message: 'y' }])],
    ['an input field', (s) => (s.vehicles[2]!.input.engineCc = 1599)],
    ['a total', (s) => (s.totals[0]!.amount = '0.00')],
    ['a source url', (s) => (s.schedules[0]!.sources[0]!.url = 'https://example.org')],
    ['replaces', (s) => (s.replaces = { number: '2026-000000', issueDate: '2026-01-01' })],
    ['vehicle order', (s) => s.vehicles.reverse()],
  ];
  it.each(changes)('changing the %s changes the hash', (_, change) => {
    const base = snapshot();
    const changed = snapshot();
    change(changed);
    expect(statementHash(changed)).not.toBe(statementHash(base));
  });
});

describe('rendering', () => {
  it('prints every VIN, the totals, the amount in words, the act and the short hash', async () => {
    const s = snapshot(25);
    const html = await renderStatementHtml(s);
    const text = visibleText(html);
    for (let i = 1; i <= 25; i++) expect(text).toContain(vinOf(i));
    expect(text).toContain('18\u00a0921\u00a0875,00\u00a0₸'); // 25 × 756 875
    expect(text).toContain('Восемнадцать миллионов девятьсот двадцать одна тысяча восемьсот семьдесят пять тенге 00 тиынов');
    expect(text).toContain('Приказ № 448 от 02.11.2021');
    expect(text).toContain('Достоверность ставки: высокая');
    expect(text).toContain('216\u00a0250 × 3,5');
    expect(text).toContain('№ 2026-000001 от 02.03.2026');
    expect(text).toContain(shortHash(statementHash(s)));
    expect(html).toContain('<svg');
    expect(html).toContain('thead');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('break-inside: avoid');
    expect(html).toContain('"DejaVu Sans"');
    expect(text).toMatch(/строки 2, 4, 6/);
  });

  it('is the same bytes every time for the same snapshot', async () => {
    expect(await renderStatementHtml(snapshot(10))).toBe(await renderStatementHtml(snapshot(10)));
  });

  it('speaks the statement language: Kazakh and English', async () => {
    const kk = visibleText(await renderStatementHtml(snapshot(2, 'kk')));
    expect(kk).toContain('Кәдеге жарату алымының есебі');
    expect(kk).toContain('Бір миллион бес жүз он үш мың жеті жүз елу теңге 00 тиын');
    const en = visibleText(await renderStatementHtml(snapshot(2, 'en')));
    expect(en).toContain('Recycling fee statement');
    expect(en).toContain('1,513,750.00\u00a0₸');
    expect(en).toContain('One million five hundred thirteen thousand seven hundred fifty tenge 00 tiyn');
  });

  it('prints hostile fields as text: no script, no link, no attribute break-out', async () => {
    const s = snapshot(2);
    s.client.name = '<script>alert(1)</script>';
    s.broker.address = '"><img src=x onerror=alert(1)>';
    s.vehicles[0]!.make = '<a href="javascript:alert(1)">click</a>';
    s.schedules[0]!.sources[0]!.url = 'javascript:alert(1)';
    s.broker.footerText = "</style><script>x()</script>'";
    const html = await renderStatementHtml(s);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<a[\s>]/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]*\s(href|src|on\w+)=/i);
    const text = visibleText(html);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<a href="javascript:alert(1)">click</a>');
    expect(text).toContain('javascript:alert(1)');
    expect(html).toContain("default-src 'none'");
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('marks a cancelled statement, with its date and reason, and nothing else changes', async () => {
    const s = snapshot(2);
    const plain = await renderStatementHtml(s);
    const cancelled = await renderStatementHtml(s, { cancelled: { reason: 'ошибка в VIN', at: '2026-03-05T09:00:00.000Z' } });
    expect(plain).not.toContain('АННУЛИРОВАНО');
    expect(cancelled).toContain('class="cancelled-mark"');
    expect(visibleText(cancelled)).toContain('Аннулировано 05.03.2026. Причина: ошибка в VIN');
    expect(statementHash(s)).toBe(statementHash(snapshot(2)));
  });

  it('names the statement it replaces, and notes secondary sources and unconfirmed schedules', async () => {
    const s = snapshot(1);
    s.replaces = { number: '2026-000007', issueDate: '2026-02-01' };
    s.schedules[0]!.secondarySource = true;
    s.schedules[0]!.status = 'unconfirmed';
    const text = visibleText(await renderStatementHtml(s));
    expect(text).toContain('Взамен расчёта № 2026-000007 от 01.02.2026');
    expect(text).toContain('вторичного источника');
    expect(text).toContain('статус: не подтверждён');
  });

  it('puts the number, the date, the totals and the full hash in the QR code', async () => {
    const s = snapshot(2);
    const hash = statementHash(s);
    expect(qrPayload(s, hash)).toBe(`TAMGA-STATEMENT\nNo: 2026-000001\nDate: 2026-03-02\nTotal: 1513750.00 KZT\nSHA-256: ${hash}`);
    const QRCode = (await import('qrcode')).default;
    const svg = await QRCode.toString(qrPayload(s, hash), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    expect(await renderStatementHtml(s)).toContain(svg);
  });

  it('reads the QR text back as a scanner types it: lines, spaces or tabs between the fields', () => {
    const s = snapshot(2);
    const hash = statementHash(s);
    const payload = qrPayload(s, hash);
    expect(readQrPayload(payload)).toEqual({ number: '2026-000001', hash });
    expect(readQrPayload(payload.replace(/\n/g, ' '))).toEqual({ number: '2026-000001', hash });
    expect(readQrPayload(payload.replace(/\n/g, '\t').toUpperCase())).toEqual({ number: '2026-000001', hash });
    expect(readQrPayload('2026-000001 3f9a 0c12 77de 41b0')).toBeNull();
    expect(readQrPayload(payload.replace(hash, hash.slice(0, 60)))).toBeNull();
  });

  it('groups lines into ranges', () => {
    expect(lineRanges([5, 1, 2, 3, 7, 8, 9, 3])).toBe('1–3, 5, 7–9');
    expect(lineRanges([])).toBe('');
  });

  it('has a PDF footer with the number and Page N of M in the statement language', () => {
    const s = snapshot(1, 'en');
    const layout = statementPrintLayout({ ...s, hash: statementHash(s), cancelledAt: null });
    expect(layout.footerTemplate).toContain('class="pageNumber"');
    expect(layout.footerTemplate).toContain('class="totalPages"');
    expect(layout.footerTemplate).toContain('Page');
    expect(layout.footerTemplate).toContain('2026-000001');
    expect(layout.footerTemplate).toContain(shortHash(statementHash(s)));
    expect(layout.footerTemplate).not.toContain('CANCELLED');
    expect(statementPrintLayout({ ...s, hash: statementHash(s), cancelledAt: '2026-03-05T00:00:00Z' }).footerTemplate).toContain('CANCELLED / АННУЛИРОВАНО');
  });

  it('gives the Electron shell the same layout, margins in inches', () => {
    const s = snapshot(1);
    const printed = { ...s, hash: statementHash(s), cancelledAt: null };
    const options = electronPrintToPdfOptions(printed);
    expect(options.footerTemplate).toBe(statementPrintLayout(printed).footerTemplate);
    expect(options.pageSize).toBe('A4');
    expect(options.margins.bottom).toBeCloseTo(16 / 25.4, 6);
    expect(options.margins.left).toBeCloseTo(12 / 25.4, 6);
  });

  it('prints a note that names each vehicle a few times, then counts the rest with their lines', async () => {
    const s = snapshot(10);
    s.vehicles.forEach((v) => (v.result.warnings = [{ code: 'vin-check-digit', message: `VIN ${v.vin}: check digit` }, { code: 'same', message: 'One sentence for all' }]));
    const groups = groupedNotes(s, (v) => v.result.warnings);
    expect(groups.find((g) => g.code === 'same')).toEqual({ code: 'same', shown: [{ message: 'One sentence for all', lines: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }], more: null });
    const vin = groups.find((g) => g.code === 'vin-check-digit')!;
    expect(vin.shown).toHaveLength(2);
    expect(vin.more?.lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    const text = visibleText(await renderStatementHtml(s));
    expect(text).toContain('…и ещё 8 таких же замечаний по отдельным транспортным средствам (строки 3–10)');
    expect(text).toContain('One sentence for all (строки 1–10)');
  });
});

describe('the preview in the app', () => {
  it('has one style element, allowed by its hash, and no style attributes (the app CSP forbids inline styles)', async () => {
    const html = await renderStatementHtml(snapshot(3));
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)];
    expect(styles).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(STATEMENT_STYLE_CSP_SOURCE).toBe(`'sha256-${createHash('sha256').update(styles[0]![1]!, 'utf8').digest('base64')}'`);
    expect(html).not.toMatch(/<[^>]+\sstyle=/);
  });
});
