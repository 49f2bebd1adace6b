import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVehicleFile } from '../../../src/main/io';
import { encodeCp1251, tempDir, writeBytes } from './fixtures';

const dir = tempDir();
const file = (name: string) => join(dir(), name);
const BOM = '\uFEFF';

const expected = [
  { id: '1', vin: 'JTDBZ3FE0J1234567', engineCc: 1600, powerHp: 150, category: 'M1', importer: 'individual', notes: 'цвет "белый"; 1 шт.' },
  { id: '2', vin: 'WVWZZZ1KZAW000001', engineCc: 1968, powerHp: 140, category: 'N1', importer: 'company', notes: 'две\nстроки' },
];

function csv(delimiter: string, decimal: string): string {
  const d = delimiter;
  return [
    ['№', 'VIN', '"Объём двигателя, л"', '"Мощность, л.с."', 'Категория ТС', 'Импортёр', 'Примечание'].join(d),
    ['1', 'jtdbz3fe0j1234567', `"1${decimal}6"`, '150', 'М1', 'физлицо', '"цвет ""белый""; 1 шт."'].join(d),
    '',
    ['2', 'WVWZZZ1KZAW000001', `"1${decimal}968"`, '140', 'N1', 'юрлицо', '"две\nстроки"'].join(d),
  ].join('\r\n');
}

describe('csv', () => {
  it.each([
    ['; with BOM', BOM + csv(';', ',')],
    ['; without BOM', csv(';', ',')],
    [', with BOM', BOM + csv(',', '.')],
    [', without BOM', csv(',', '.')],
    ['tab', csv('\t', ',')],
  ])('reads %s, with quotes, doubled quotes and line breaks inside quotes', async (name, text) => {
    const r = await readVehicleFile(await writeBytes(file(`list ${name}.csv`), text));
    expect(r.rows.map((x) => x.input)).toEqual(expected);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2, 4]);
    expect(r.skipped.map((s) => [s.rowNumber, s.reason])).toEqual([[3, 'empty']]);
  });

  it('reads Windows-1251 (Excel "CSV" on a Russian Windows)', async () => {
    const text = 'VIN;Объём двигателя, см³;Тип двигателя;Импортёр;Страна происхождения\r\nJTDBZ3FE0J1234567;1 598;Бензин;Юридическое лицо;Япония\r\n'
      .replace('³', '3');
    const r = await readVehicleFile(await writeBytes(file('cp1251.csv'), encodeCp1251(text)));
    expect(r.rows.map((x) => x.input)).toEqual([
      { vin: 'JTDBZ3FE0J1234567', engineCc: 1598, propulsion: 'ice', importer: 'company', originCountry: 'JP' },
    ]);
  });

  it('finds the header under title lines', async () => {
    const text = 'Реестр ТС;;;\r\n;;;\r\nVIN;Объем;Год выпуска;Импортер\r\nJTDBZ3FE0J1234567;1598;2019;ФЛ\r\n';
    const r = await readVehicleFile(await writeBytes(file('title.csv'), text));
    expect(r.headerRow).toBe(3);
    expect(r.rows).toEqual([{ rowNumber: 4, input: { vin: 'JTDBZ3FE0J1234567', engineCc: 1598, productionDate: '2019', importer: 'individual' }, issues: [] }]);
    expect(r.skipped).toEqual([expect.objectContaining({ rowNumber: 1, reason: 'title' })]);
  });

  it('refuses an empty file', async () => {
    await expect(readVehicleFile(await writeBytes(file('empty.csv'), BOM))).rejects.toMatchObject({ code: 'empty-file' });
  });
});

describe('json', () => {
  it('reads an array of records with canonical or human keys, and numbers rows from 1', async () => {
    const records = [
      { id: 'r1', country: 'KZ', date: '2026-03-01', category: 'M1', propulsion: 'ice', engineCc: 1598, importer: 'individual' },
      { 'VIN': 'JTDBZ3FE0J1234567', 'Объём двигателя': '1,6 л', 'Импортёр': 'ИП', personalUse: false },
    ];
    const r = await readVehicleFile(await writeBytes(file('list.json'), JSON.stringify(records)), { defaults: { country: 'RU' } });
    expect(r.headerRow).toBe(0);
    expect(r.rows).toEqual([
      { rowNumber: 1, input: records[0], issues: [] },
      { rowNumber: 2, input: { vin: 'JTDBZ3FE0J1234567', engineCc: 1600, importer: 'company', personalUse: false, country: 'RU' }, issues: [] },
    ]);
  });

  it('refuses JSON that is not an array of records', async () => {
    await expect(readVehicleFile(await writeBytes(file('bad.json'), '{"a":1}'))).rejects.toMatchObject({ code: 'invalid-json' });
    await expect(readVehicleFile(await writeBytes(file('broken.json'), '[{"a":'))).rejects.toMatchObject({ code: 'invalid-json' });
  });
});
