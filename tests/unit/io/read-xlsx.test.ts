import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readVehicleFile, VehicleFileError, type ReadOptions } from '../../../src/main/io';
import { excelSerial, tempDir, writeBytes, writeXlsx } from './fixtures';

const dir = tempDir();
const file = (name: string) => join(dir(), name);

/**
 * Every reading test runs through both readers — exceljs's in-memory one and Tamga's streaming
 * one — and as the app picks between them: the result must not depend on the reader.
 */
const READERS: [string, ReadOptions][] = [
  ['in-memory reader', { xlsxReader: 'whole' }],
  ['streaming reader', { streamingThresholdBytes: 0 }],
  ['reader the app picks', {}],
];

describe.each(READERS)('xlsx with the %s', (_name, reader) => {
  it('hands rows over in batches when asked, keeping none, and passes the consumer\'s own error back as it is', async () => {
    const body = Array.from({ length: 7 }, (_, i) => [`XTA21099${String(i).padStart(9, '0')}`, 'M1', 1598]);
    const path = await writeXlsx(file(`batches-${_name}.xlsx`), [{ name: 'Лист1', rows: [['VIN', 'Категория', 'Объём двигателя, см3'], ...body] }]);
    const batches: number[][] = [];
    const r = await readVehicleFile(path, { ...reader, batchSize: 3, onRows: (rows, sheet) => {
      expect(sheet.name).toBe('Лист1');
      batches.push(rows.map((x) => x.rowNumber));
    } });
    expect(batches).toEqual([[2, 3, 4], [5, 6, 7], [8]]);
    expect(r.rows).toEqual([]);
    const mine = new Error('disk full');
    await expect(readVehicleFile(path, { ...reader, onRows: () => { throw mine; } })).rejects.toBe(mine);
  });

  it('reads a Russian-headed sheet', async () => {
    const path = await writeXlsx(file(`ru-${_name}.xlsx`), [{
      name: 'Реестр',
      rows: [
        ['№', 'VIN-код', 'Марка', 'Объём двигателя, см³', 'Мощность, л.с.', 'Полная масса, кг', 'Год выпуска', 'Тип двигателя', 'Категория ТС', 'Импортёр', 'Для личного пользования', 'Страна отправления'],
        [1, 'jtdbz3fe0j1234567', 'Toyota', '1 598', 150, 1850, 2019, 'бензин', 'М1', 'физлицо', 'да', 'Россия'],
        [2, 'WVWZZZ1KZAW000001', 'VW', 1968, '110 kW', '2 100', '12.2020', 'дизель', 'M1G', 'ИП', 'нет', 'Германия'],
      ],
    }]);
    const r = await readVehicleFile(path, reader);
    expect(r.sheet).toBe('Реестр');
    expect(r.headerRow).toBe(1);
    expect(r.rows.map((x) => x.input)).toEqual([
      { id: '1', vin: 'JTDBZ3FE0J1234567', make: 'Toyota', engineCc: 1598, powerHp: 150, grossMassKg: 1850, productionDate: '2019', propulsion: 'ice', category: 'M1', importer: 'individual', personalUse: true, dispatchCountry: 'RU' },
      { id: '2', vin: 'WVWZZZ1KZAW000001', make: 'VW', engineCc: 1968, powerKw: 110, grossMassKg: 2100, productionDate: '2020-12', propulsion: 'ice', category: 'M1', offRoad: true, importer: 'company', personalUse: false, dispatchCountry: 'DE' },
    ]);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 3]);
    expect(r.rows.flatMap((x) => x.issues)).toEqual([]);
  });

  it('reads a Kazakh-headed sheet', async () => {
    const path = await writeXlsx(file(`kk-${_name}.xlsx`), [{
      rows: [
        ['VIN', 'Санат', 'Қозғалтқыш көлемі', 'Қуаты, а.к.', 'Толық массасы', 'Шығарылған жылы', 'Қозғалтқыш түрі', 'Импорттаушы', 'Жөнелтілген ел'],
        ['XTA21070010000001', 'жеңіл автомобиль', 1598, 87, 1500, 2021, 'гибрид', 'жеке тұлға', 'Ресей'],
      ],
    }]);
    const r = await readVehicleFile(path, reader);
    expect(r.rows[0]!.input).toEqual({
      vin: 'XTA21070010000001', category: 'M1', engineCc: 1598, powerHp: 87, grossMassKg: 1500, productionDate: '2021',
      propulsion: 'hybrid', importer: 'individual', dispatchCountry: 'RU',
    });
  });

  it('reads an English-headed sheet with litres and tonnes in the headers', async () => {
    const path = await writeXlsx(file(`en-${_name}.xlsx`), [{
      rows: [
        ['VIN', 'Category', 'Engine capacity, L', 'Power (kW)', 'Gross weight, t', 'Year of manufacture', 'Fuel type', 'Importer', 'Country of origin'],
        ['1FTFW1E50NFA00001', 'truck', 3.5, 298, 3.2, 2022, 'petrol', 'company', 'USA'],
        ['5YJ3E1EA7KF000001', 'M1', null, 150, 1.85, '2019-05-01', 'BEV', 'individual', 'United States'],
      ],
    }]);
    const r = await readVehicleFile(path, reader);
    expect(r.rows.map((x) => x.input)).toEqual([
      { vin: '1FTFW1E50NFA00001', category: 'N1', engineCc: 3500, powerKw: 298, grossMassKg: 3200, productionDate: '2022', propulsion: 'ice', importer: 'company', originCountry: 'US' },
      { vin: '5YJ3E1EA7KF000001', category: 'M1', powerKw: 150, grossMassKg: 1850, productionDate: '2019-05-01', propulsion: 'electric', importer: 'individual', originCountry: 'US' },
    ]);
  });

  it('finds the header under a merged title block and skips the title, empty and section rows', async () => {
    const path = await writeXlsx(file(`title-${_name}.xlsx`), [{
      rows: [
        ['ТОО «Карго Транс» — реестр транспортных средств'],
        ['к договору № 15 от 01.02.2026'],
        [],
        ['№', 'VIN', 'Объем ДВС (л)', 'Дата выпуска', 'Категория ТС'],
        [1, 'JTDBZ3FE0J1234567', '1,6', '15.03.2019', 'M1'],
        [],
        ['Партия 2 — от 10.02.2026'],
        [2, 'WVWZZZ1KZAW000001', 2, '01.07.2018', 'M1'],
        [],
        [],
      ],
      merges: ['A1:E1', 'A2:E2', 'A7:E7'],
    }]);
    const r = await readVehicleFile(path, reader);
    expect(r.headerRow).toBe(4);
    expect(r.rows.map((x) => [x.rowNumber, x.input.vin, x.input.engineCc, x.input.productionDate])).toEqual([
      [5, 'JTDBZ3FE0J1234567', 1600, '2019-03-15'],
      [8, 'WVWZZZ1KZAW000001', 2000, '2018-07-01'],
    ]);
    expect(r.skipped.map((s) => [s.rowNumber, s.reason])).toEqual([[1, 'title'], [2, 'title'], [6, 'empty'], [7, 'title']]);
    expect(r.skipped[2]!.message).toBe('пустая строка');
  });

  it('reads dates given as Date cells, as serial numbers and as text', async () => {
    const path = await writeXlsx(file(`dates-${_name}.xlsx`), [{
      rows: [
        ['VIN', 'Дата ввоза', 'Дата производства'],
        ['A', new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(2019, 6, 15))],
        ['B', excelSerial(2026, 3, 1), excelSerial(2019, 7, 15)],
        ['C', '01.03.2026', '15/07/2019'],
        ['D', '2026-03-01', '07.2019'],
      ],
    }]);
    const r = await readVehicleFile(path, reader);
    expect(r.rows.map((x) => [x.input.date, x.input.productionDate])).toEqual([
      ['2026-03-01', '2019-07-15'],
      ['2026-03-01', '2019-07-15'],
      ['2026-03-01', '2019-07-15'],
      ['2026-03-01', '2019-07'],
    ]);
  });

  it('reports errors in half the rows, each with its own row number, column and field', async () => {
    const rows: (string | number | null)[][] = [['VIN', 'Объём двигателя, см³', 'Тип двигателя', 'Импортёр', 'Дата выпуска']];
    for (let i = 0; i < 10; i += 1) {
      rows.push(i % 2 === 0
        ? [`JTDBZ3FE0J12345${10 + i}`, 1598, 'бензин', 'физлицо', '2019']
        : [`JTDBZ3FE0J12345${10 + i}`, 'n/a', 'паровой', 'физлицо', '31.02.2019']);
    }
    const path = await writeXlsx(file(`half-${_name}.xlsx`), [{ rows }]);
    const r = await readVehicleFile(path, { ...reader, language: 'en' });
    expect(r.rows).toHaveLength(10);
    const bad = r.rows.filter((x) => x.issues.length > 0);
    expect(bad.map((x) => x.rowNumber)).toEqual([3, 5, 7, 9, 11]);
    for (const row of bad) {
      expect(row.issues.map((i) => [i.column, i.field, i.code])).toEqual([
        [2, 'engineCc', 'invalid-number'],
        [3, 'propulsion', 'unknown-propulsion'],
        [5, 'productionDate', 'invalid-date'],
      ]);
      expect(row.input).toEqual({ vin: expect.any(String), importer: 'individual' });
    }
    expect(bad[0]!.issues[0]!.message).toBe('Engine displacement: "n/a" is not a number');
  });

  it('fills defaults where a row lacks the field; the row’s own value wins', async () => {
    const path = await writeXlsx(file(`defaults-${_name}.xlsx`), [{
      rows: [['VIN', 'Страна ввоза', 'Импортёр'], ['A1', null, null], ['A2', 'Россия', 'компания']],
    }]);
    const r = await readVehicleFile(path, { ...reader, defaults: { country: 'KZ', date: '2026-03-01', importer: 'individual' } });
    expect(r.rows.map((x) => x.input)).toEqual([
      { vin: 'A1', country: 'KZ', date: '2026-03-01', importer: 'individual' },
      { vin: 'A2', country: 'RU', date: '2026-03-01', importer: 'company' },
    ]);
  });

  it('picks the first sheet with a header, or the one asked for', async () => {
    const path = await writeXlsx(file(`sheets-${_name}.xlsx`), [
      { name: 'Обложка', rows: [['Реестр ТС'], ['Составил: Иванов']] },
      { name: 'Данные', rows: [['VIN', 'Объём двигателя'], ['A', 1598]] },
      { name: 'Данные 2', rows: [['VIN', 'Объём двигателя'], ['B', 2000]] },
    ]);
    expect((await readVehicleFile(path, reader)).sheet).toBe('Данные');
    const second = await readVehicleFile(path, { ...reader, sheet: 'Данные 2' });
    expect(second.rows[0]!.input).toEqual({ vin: 'B', engineCc: 2000 });
    expect((await readVehicleFile(path, { ...reader, sheet: 3 })).sheet).toBe('Данные 2');
    await expect(readVehicleFile(path, { ...reader, sheet: 'Нет такого' })).rejects.toMatchObject({ code: 'sheet-not-found' });
  });

  it('applies a broker-edited mapping instead of guessing', async () => {
    const path = await writeXlsx(file(`mapping-${_name}.xlsx`), [{
      rows: [['Реестр'], ['Номер кузова', 'Куб', 'Пробег'], ['JTDBZ3FE0J1234567', 1598, 120000]],
    }]);
    await expect(readVehicleFile(path, reader)).rejects.toMatchObject({ code: 'no-header' });
    const edited = {
      headerRow: 2,
      columns: [
        { column: 1, field: 'vin' as const, unit: null, header: 'Номер кузова', confidence: 'high' as const },
        { column: 2, field: 'engineCc' as const, unit: null, header: 'Куб', confidence: 'high' as const },
      ],
      unmapped: [{ column: 3, header: 'Пробег' }],
    };
    const r = await readVehicleFile(path, { ...reader, mapping: edited });
    expect(r.rows.map((x) => [x.rowNumber, x.input])).toEqual([[3, { vin: 'JTDBZ3FE0J1234567', engineCc: 1598 }]]);
  });

  it('reports progress and stops when aborted', async () => {
    const rows: (string | number)[][] = [['VIN', 'Объём двигателя']];
    for (let i = 0; i < 1200; i += 1) rows.push([`V${i}`, 1598]);
    const path = await writeXlsx(file(`progress-${_name}.xlsx`), [{ rows }]);
    const seen: number[] = [];
    const r = await readVehicleFile(path, { ...reader, onProgress: (n) => seen.push(n) });
    expect(r.rows).toHaveLength(1200);
    expect(seen.at(-1)).toBe(1201);
    expect(seen.length).toBeGreaterThanOrEqual(3);

    const controller = new AbortController();
    const aborted = readVehicleFile(path, { ...reader, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(aborted).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('merged cells (a small file whose sheet merges cells is read whole)', () => {
  it('counts a horizontally merged value once and gives a vertically merged value to every row', async () => {
    const path = await writeXlsx(file('merged.xlsx'), [{
      rows: [
        ['VIN', 'Объём двигателя', 'Импортёр', 'Примечание', 'Цвет'],
        ['A', 1598, 'физлицо', 'одна партия', null],
        ['B', 1598, null, null, null],
      ],
      merges: ['C2:C3', 'D2:E2'],
    }]);
    const r = await readVehicleFile(path);
    expect(r.rows.map((x) => x.input)).toEqual([
      { vin: 'A', engineCc: 1598, importer: 'individual', notes: 'одна партия' },
      { vin: 'B', engineCc: 1598, importer: 'individual' },
    ]);
  });
});

describe('files that cannot be read', () => {
  it('refuses .xls with a clear message in each language', async () => {
    const path = await writeBytes(file('old.xls'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const err = await readVehicleFile(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VehicleFileError);
    expect(err).toMatchObject({ code: 'xls-not-supported' });
    expect((err as Error).message).toContain('сохраните его как .xlsx');
    await expect(readVehicleFile(path, { language: 'kk' })).rejects.toThrow(/\.xlsx ретінде сақтаңыз/);
    await expect(readVehicleFile(path, { language: 'en' })).rejects.toThrow(/save it as \.xlsx/);
  });

  it('refuses an .xlsx that is not a zip, or a damaged zip, with a typed error', async () => {
    const notZip = await writeBytes(file('notzip.xlsx'), 'VIN;engineCc\nA;1598\n');
    await expect(readVehicleFile(notZip)).rejects.toMatchObject({ code: 'corrupt-file' });
    const good = await writeXlsx(file('good.xlsx'), [{ rows: [['VIN', 'Объём двигателя'], ['A', 1598]] }]);
    const { readFile } = await import('node:fs/promises');
    const bytes = new Uint8Array(await readFile(good));
    const truncated = await writeBytes(file('truncated.xlsx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    for (const reader of READERS) {
      const err = await readVehicleFile(truncated, reader[1]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VehicleFileError);
      expect(err).toMatchObject({ code: 'corrupt-file' });
    }
  });

  it('says when no header row can be found', async () => {
    const path = await writeXlsx(file('noheader.xlsx'), [{ rows: [['a', 'b'], [1, 2]] }]);
    await expect(readVehicleFile(path, { language: 'en' })).rejects.toThrow(/No header row found/);
  });

  it('names a missing file and an unknown format', async () => {
    await expect(readVehicleFile(file('missing.xlsx'))).rejects.toMatchObject({ code: 'not-found' });
    const odt = await writeBytes(file('list.ods'), 'x');
    await expect(readVehicleFile(odt)).rejects.toMatchObject({ code: 'unsupported-format' });
  });
});

describe('the streaming reader\'s files', () => {
  /** Temporary files of this process (as `tmp`, which exceljs uses, names them). */
  const ownTempFiles = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
  /** This process's open descriptors on `path` or on its temporary files (Linux's /proc). */
  const openFiles = (path: string) =>
    existsSync('/proc/self/fd')
      ? readdirSync('/proc/self/fd').flatMap((fd) => {
        try {
          const target = readlinkSync(`/proc/self/fd/${fd}`);
          return target === path || target.startsWith(join(tmpdir(), `tmp-${process.pid}-`)) ? [target] : [];
        } catch {
          return [];
        }
      })
      : [];

  it('are closed, and nothing is left in the temp folder, when a read ends early (a preview, sheets passed over, a cancel, an error) or completes', async () => {
    // Written without shared strings, as exceljs's own streaming writer does: exceljs's streaming
    // reader copied such sheets (and Excel's) to temporary files and kept them while a read
    // stopped early; this guards against any reader doing so again.
    const path = file('temp-files.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
    // A cover longer than the rows searched for a header, and too large (incompressible text) to
    // be read in one go: passing it over stops mid-file.
    const cover = wb.addWorksheet('Обложка');
    for (let i = 1; i <= 20_000; i += 1) cover.addRow([`Примечание ${randomBytes(32).toString('hex')}`]).commit();
    cover.commit();
    const cars = wb.addWorksheet('ТС');
    cars.addRow(['VIN', 'Категория', 'Объём двигателя, см³', 'Тип двигателя', 'Дата выпуска']).commit();
    for (let i = 0; i < 3000; i += 1) cars.addRow([`XTA21099${String(i).padStart(9, '0')}`, 'M1', 1598, 'бензин', '2020']).commit();
    cars.commit();
    const more = wb.addWorksheet('ТС 2');
    more.addRow(['VIN', 'Объём двигателя, см³']).commit();
    more.addRow(['XTA210990000099999', 1598]).commit();
    more.commit();
    await wb.commit();

    const streaming = { streamingThresholdBytes: 0 };
    const before = ownTempFiles();
    const cancel = new AbortController();
    const reads: [string, () => Promise<unknown>][] = [
      ['a preview of 5 rows', () => readVehicleFile(path, { ...streaming, limit: 5 })],
      ['the whole sheet', () => readVehicleFile(path, streaming)],
      ['a cancel', () => readVehicleFile(path, { ...streaming, signal: cancel.signal, onProgress: (n) => n >= 1000 && cancel.abort() })],
      ['a sheet asked for by name, the others passed over unread', () => readVehicleFile(path, { ...streaming, sheet: 'ТС 2' })],
      ['the consumer\'s error', () => readVehicleFile(path, { ...streaming, onRows: () => { throw new Error('disk full'); } })],
    ];
    for (const [what, read] of reads) {
      await read().catch(() => undefined);
      // Streams close asynchronously: wait for them, briefly.
      for (let i = 0; i < 50 && (ownTempFiles().length > before.length || openFiles(path).length > 0); i += 1) {
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(ownTempFiles(), what).toEqual(before);
      expect(openFiles(path), what).toEqual([]);
    }
    expect((await readVehicleFile(path, { ...streaming, limit: 5 })).rows).toHaveLength(5);
  });
});
