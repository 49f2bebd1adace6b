import { describe, expect, it } from 'vitest';
import { applyMapping } from '../../../src/core/import/apply';
import { mapHeaderRow } from '../../../src/core/import/headers';

const headers = ['VIN', 'Объём двигателя', 'Мощность', 'Полная масса', 'Категория', 'Дата выпуска', 'Импортёр', 'Для личного пользования'];
const mapping = mapHeaderRow(headers, 1);

describe('applyMapping', () => {
  it('reads a row as a broker typed it', () => {
    const { input, issues } = applyMapping(
      ['wvw zzz1kz aw000001', '1 598', '150 л.с.', '1 850', 'М1', '15.03.2019', 'физлицо', 'да'],
      mapping,
    );
    expect(input).toEqual({
      vin: 'WVWZZZ1KZAW000001', engineCc: 1598, powerHp: 150, grossMassKg: 1850, category: 'M1',
      productionDate: '2019-03-15', importer: 'individual', personalUse: true,
    });
    expect(issues).toEqual([]);
  });

  it('sends power to kW or hp by the unit typed in the cell', () => {
    expect(applyMapping([null, null, '110 kW'], mapping).input).toEqual({ powerKw: 110 });
    expect(applyMapping([null, null, '150'], mapping).input).toEqual({ powerHp: 150 });
  });

  it('converts litres and tonnes, and warns when it had to guess the unit', () => {
    const { input, issues } = applyMapping([null, '1,6', null, '3,5'], mapping);
    expect(input).toEqual({ engineCc: 1600, grossMassKg: 3500 });
    expect(issues.map((i) => [i.field, i.code, i.severity])).toEqual([
      ['engineCc', 'unit-assumed', 'warning'],
      ['grossMassKg', 'unit-assumed', 'warning'],
    ]);
  });

  it('uses the unit in the header without a warning', () => {
    const m = mapHeaderRow(['Объем ДВС (л)', 'Разрешённая максимальная масса, т', 'VIN'], 1);
    const { input, issues } = applyMapping(['1,598', '3,5', null], m);
    expect(input).toEqual({ engineCc: 1598, grossMassKg: 3500 });
    expect(issues).toEqual([]);
  });

  it('resolves a truck or bus to its category by gross mass', () => {
    expect(applyMapping([null, null, null, '18000', 'грузовой'], mapping).input).toMatchObject({ category: 'N3' });
    expect(applyMapping([null, null, null, '3 500', 'грузовой'], mapping).input).toMatchObject({ category: 'N1' });
    expect(applyMapping([null, null, null, null, 'автобус'], mapping, { defaults: { grossMassKg: 4000 } }).input).toMatchObject({ category: 'M2' });
    expect(applyMapping([null, null, null, null, 'N3G'], mapping).input).toEqual({ category: 'N3', offRoad: true });
  });

  it('reports a truck without mass instead of guessing', () => {
    const { input, issues } = applyMapping([null, null, null, null, 'грузовой'], mapping);
    expect(input.category).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({ field: 'category', column: 5, value: 'грузовой', code: 'category-needs-mass', severity: 'error' }),
    ]);
  });

  it('reports each unreadable value with its field, column and the value, in the chosen language', () => {
    const row = ['X', 'много', 'abc', null, 'мотоцикл', 'вчера', 'кто-то', 'может быть'];
    const ru = applyMapping(row, mapping).issues;
    expect(ru.map((i) => [i.field, i.column, i.code])).toEqual([
      ['vin', 1, 'invalid-vin'],
      ['engineCc', 2, 'invalid-number'],
      ['powerHp', 3, 'invalid-number'],
      ['category', 5, 'unknown-category'],
      ['productionDate', 6, 'invalid-date'],
      ['importer', 7, 'unknown-importer'],
      ['personalUse', 8, 'invalid-boolean'],
    ]);
    expect(ru[1]!.message).toBe('Объём двигателя: «много» — не число');
    const kk = applyMapping(row, mapping, { language: 'kk' }).issues;
    expect(kk[1]!.message).toBe('Қозғалтқыш көлемі: «много» — сан емес');
    const en = applyMapping(row, mapping, { language: 'en' }).issues;
    expect(en[1]!.message).toBe('Engine displacement: "много" is not a number');
    expect(en[4]!.message).toContain('"вчера" is not a date');
  });

  it('fills defaults only where the row has no value', () => {
    const m = mapHeaderRow(['VIN', 'Страна ввоза', 'Импортёр'], 1);
    const d = { country: 'KZ', date: '2026-03-01', importer: 'individual' } as const;
    expect(applyMapping(['JTDBZ3FE0J1234567', 'Россия', null], m, { defaults: d }).input).toEqual({
      vin: 'JTDBZ3FE0J1234567', country: 'RU', date: '2026-03-01', importer: 'individual',
    });
  });

  it('refuses a jurisdiction the fee is not computed for', () => {
    const m = mapHeaderRow(['VIN', 'Страна ввоза'], 1);
    const { input, issues } = applyMapping(['JTDBZ3FE0J1234567', 'Кыргызстан'], m);
    expect(input.country).toBeUndefined();
    expect(issues[0]).toMatchObject({ field: 'country', code: 'unsupported-country' });
  });

  it('keeps the more precise production date when the broker maps a year and a date column', () => {
    const detected = mapHeaderRow(['VIN', 'Год выпуска', 'Дата производства'], 1);
    expect(detected.unmapped).toEqual([{ column: 3, header: 'Дата производства' }]);
    const m = [
      ...detected.columns,
      { column: 3, field: 'productionDate', unit: null, header: 'Дата производства', confidence: 'high' } as const,
    ];
    expect(applyMapping([null, 2019, '15.03.2019'], m).input).toEqual({ productionDate: '2019-03-15' });
    const other = applyMapping([null, 2019, '15.03.2020'], m);
    expect(other.input).toEqual({ productionDate: '2019' });
    expect(other.issues[0]).toMatchObject({ code: 'conflicting-values', column: 3 });
  });

  it('never throws, whatever the cells hold', () => {
    const junk = [{}, [], Symbol('x'), () => 1, NaN, Infinity, { richText: 5 }, { formula: 'A1' }];
    expect(() => applyMapping(junk, mapping)).not.toThrow();
  });
});
