import { describe, expect, it } from 'vitest';
import { detectHeader, mapHeaderRow, recogniseHeader } from '../../../src/core/import/headers';

const cases: [string, string, string | null][] = [
  // Russian
  ['VIN', 'vin', null],
  ['VIN-код', 'vin', null],
  ['Объём двигателя, см³', 'engineCc', 'cc'],
  ['Объем ДВС (л)', 'engineCc', 'l'],
  ['Рабочий объём', 'engineCc', null],
  ['Мощность, л.с.', 'powerHp', 'hp'],
  ['Мощность кВт', 'powerKw', 'kw'],
  ['Полная масса, кг', 'grossMassKg', 'kg'],
  ['Разрешённая максимальная масса, т', 'grossMassKg', 't'],
  ['Год выпуска', 'productionDate', null],
  ['Дата выпуска', 'productionDate', null],
  ['Дата производства', 'productionDate', null],
  ['Категория ТС', 'category', null],
  ['Тип двигателя', 'propulsion', null],
  ['Страна отправления', 'dispatchCountry', null],
  ['Страна происхождения', 'originCountry', null],
  ['Импортёр', 'importer', null],
  ['Для личного пользования', 'personalUse', null],
  ['Дата ввоза', 'date', null],
  ['Марка', 'make', null],
  ['Модель', 'model', null],
  ['Цвет', 'colour', null],
  ['Примечание', 'notes', null],
  ['№ п/п', 'id', null],
  ['Седельный тягач', 'tractorUnit', null],
  // Kazakh
  ['Қозғалтқыш көлемі', 'engineCc', null],
  ['Шығарылған жылы', 'productionDate', null],
  ['Санат', 'category', null],
  ['Қуаты, а.к.', 'powerHp', 'hp'],
  ['Қуаты, кВт', 'powerKw', 'kw'],
  ['Толық массасы', 'grossMassKg', null],
  ['Жөнелтілген ел', 'dispatchCountry', null],
  ['Импорттаушы', 'importer', null],
  ['Жеке пайдалану үшін', 'personalUse', null],
  // English
  ['Engine displacement (cc)', 'engineCc', 'cc'],
  ['Engine capacity, L', 'engineCc', 'l'],
  ['Power (kW)', 'powerKw', 'kw'],
  ['Power, hp', 'powerHp', 'hp'],
  ['Gross weight, t', 'grossMassKg', 't'],
  ['Year of manufacture', 'productionDate', null],
  ['Country of origin', 'originCountry', null],
  ['Fuel type', 'propulsion', null],
  ['30-min power, kW', 'electricPower30minKw', 'kw'],
  // canonical names, any case
  ['engineCc', 'engineCc', null],
  ['GROSSMASSKG', 'grossMassKg', null],
  ['electricPower30minKw', 'electricPower30minKw', null],
  ['internationalHaulage', 'internationalHaulage', null],
];

describe('recogniseHeader', () => {
  it.each(cases)('%s → %s (%s)', (header, field, unit) => {
    const m = recogniseHeader(header);
    expect(m?.field).toBe(field);
    expect(m?.unit).toBe(unit);
  });

  it('ignores case, punctuation and spacing', () => {
    expect(recogniseHeader('  ОБЪЁМ   ДВИГАТЕЛЯ ,  СМ3 ')).toMatchObject({ field: 'engineCc', unit: 'cc' });
    expect(recogniseHeader('мощность(квт)')).toMatchObject({ field: 'powerKw' });
  });

  it('does not take the curb weight for the gross mass', () => {
    expect(recogniseHeader('Снаряженная масса, кг')).toBeNull();
  });

  it('marks a power header without a unit as a low-confidence guess', () => {
    expect(recogniseHeader('Мощность')).toEqual({ field: 'powerHp', unit: null, confidence: 'low' });
    expect(recogniseHeader('Power')).toEqual({ field: 'powerKw', unit: null, confidence: 'low' });
  });

  it('does not recognise unrelated headers', () => {
    for (const h of ['Цена, USD', 'Пробег, км', 'Contract No', '']) expect(recogniseHeader(h)).toBeNull();
  });
});

describe('detectHeader', () => {
  it('finds the header row under a title block and keeps unknown columns for the broker', () => {
    const rows = [
      { rowNumber: 1, cells: ['ТОО «Карго», реестр ТС'] },
      { rowNumber: 2, cells: ['Дата: 01.03.2026'] },
      { rowNumber: 3, cells: [] },
      { rowNumber: 4, cells: ['№', 'VIN', 'Пробег, км', 'Объём двигателя, см³'] },
      { rowNumber: 5, cells: [1, 'X', 1000, 1598] },
    ];
    const m = detectHeader(rows);
    expect(m?.headerRow).toBe(4);
    expect(m?.columns.map((c) => [c.column, c.field])).toEqual([[1, 'id'], [2, 'vin'], [4, 'engineCc']]);
    expect(m?.unmapped).toEqual([{ column: 3, header: 'Пробег, км' }]);
  });

  it('needs at least two recognised columns', () => {
    expect(detectHeader([{ rowNumber: 1, cells: ['VIN', 'Цена'] }])).toBeNull();
  });

  it('gives a field to one column only, the surer one', () => {
    const m = mapHeaderRow(['Мощность', 'Мощность, л.с.'], 1);
    expect(m.columns).toEqual([{ column: 2, field: 'powerHp', unit: 'hp', header: 'Мощность, л.с.', confidence: 'high' }]);
    expect(m.unmapped).toEqual([{ column: 1, header: 'Мощность' }]);
  });
});
