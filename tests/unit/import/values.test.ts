import { describe, expect, it } from 'vitest';
import {
  parseBoolean, parseCategory, parseCountry, parseDate, parseImporter, parseNumber, parsePropulsion, parseVin,
} from '../../../src/core/import/values';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : undefined);

describe('numbers as people type them', () => {
  it.each([
    ['1 598', 1598, null],
    ['1\u00a0598', 1598, null],
    ['1,6', 1.6, null],
    ['1.6', 1.6, null],
    ['1 234 567,89', 1234567.89, null],
    ['1.234,5', 1234.5, null],
    ['1,234.5', 1234.5, null],
    ['150 л.с.', 150, 'hp'],
    ['150л.с', 150, 'hp'],
    ['110 kW', 110, 'kw'],
    ['110 кВт', 110, 'kw'],
    ['1.6 л', 1.6, 'l'],
    ['1598 см³', 1598, 'cc'],
    ['3,5 т', 3.5, 't'],
    ['3500 кг', 3500, 'kg'],
    [1598, 1598, null],
  ] as const)('%s', (input, n, unit) => {
    expect(value(parseNumber(input))).toEqual({ value: n, unit });
  });

  it.each(['abc', '1.6 бочки', '', '—', true])('rejects %s', (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });
});

describe('dates', () => {
  it.each([
    [new Date(Date.UTC(2023, 11, 31)), '2023-12-31'],
    [45291, '2023-12-31'],
    ['31.12.2023', '2023-12-31'],
    ['31/12/2023', '2023-12-31'],
    ['2023-12-31', '2023-12-31'],
    ['05.03.2019', '2019-03-05'],
    ['12/31/2023', '2023-12-31'],
    ['31.12.23', '2023-12-31'],
    ['31.12.2023 г.', '2023-12-31'],
    ['2019', '2019'],
    [2019, '2019'],
    ['12.2019', '2019-12'],
    ['2019-07', '2019-07'],
    ['15 марта 2019', '2019-03-15'],
    ['March 2019', '2019-03'],
    ['наурыз 2019', '2019-03'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(parseDate(input))?.value).toBe(expected);
  });

  it.each(['31.02.2023', '2023-13-01', 'вчера', '1850', '13.2019'])('rejects %s', (input) => {
    expect(parseDate(input).ok).toBe(false);
  });
});

describe('VIN', () => {
  it('normalises spaces, case and Cyrillic look-alikes', () => {
    expect(value(parseVin(' jtd bz3fe 0j123 4567 '))).toEqual({ value: 'JTDBZ3FE0J1234567', problem: null });
    expect(value(parseVin('ХТА21070010000001'))).toEqual({ value: 'XTA21070010000001', problem: null });
  });
  it('keeps a suspicious VIN but says what is wrong', () => {
    expect(value(parseVin('JTDBZ3FE0J12345'))?.problem).toBe('length');
    expect(value(parseVin('JTDBZ3FEOJ1234567'))?.problem).toBe('characters');
  });
});

describe('category', () => {
  it.each([
    ['M1', { category: 'M1' }],
    ['М1', { category: 'M1' }],
    ['m1', { category: 'M1' }],
    ['M1G', { category: 'M1', offRoad: true }],
    ['N3G', { category: 'N3', offRoad: true }],
    ['Н2', { category: 'N2' }],
    ['O4', { category: 'O4' }],
    ['легковой', { category: 'M1' }],
    ['Легковой автомобиль', { category: 'M1' }],
    ['жеңіл автомобиль', { category: 'M1' }],
    ['passenger car', { category: 'M1' }],
    ['грузовой', { group: 'N' }],
    ['автобус', { group: 'M2M3' }],
    ['полуприцеп', { group: 'O' }],
    ['седельный тягач', { group: 'N', tractorUnit: true }],
    ['трактор', { category: 'tractor' }],
    ['комбайн', { category: 'combine' }],
    ['спецтехника', { category: 'special' }],
  ] as const)('%s', (input, expected) => {
    expect(value(parseCategory(input))).toEqual(expected);
  });
  it('rejects an unknown category', () => {
    expect(parseCategory('мотоцикл').ok).toBe(false);
    expect(parseCategory('M4').ok).toBe(false);
  });
});

describe('propulsion', () => {
  it.each([
    ['бензин', 'ice'], ['Дизель', 'ice'], ['ДВС', 'ice'], ['petrol', 'ice'], ['Diesel', 'ice'], ['бензин/газ', 'ice'],
    ['гибрид', 'hybrid'], ['Hybrid', 'hybrid'], ['PHEV', 'hybrid'], ['бензин + электро', 'hybrid'],
    ['последовательный гибрид', 'series-hybrid'], ['range extender', 'series-hybrid'], ['EREV', 'series-hybrid'],
    ['электро', 'electric'], ['Электромобиль', 'electric'], ['EV', 'electric'], ['BEV', 'electric'], ['электр', 'electric'],
    ['electric', 'electric'], ['series-hybrid', 'series-hybrid'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(parsePropulsion(input))).toBe(expected);
  });
  it('rejects an unknown word', () => expect(parsePropulsion('паровой').ok).toBe(false));
});

describe('importer', () => {
  it.each([
    ['физлицо', 'individual'], ['Физическое лицо', 'individual'], ['individual', 'individual'], ['жеке тұлға', 'individual'],
    ['юрлицо', 'company'], ['ИП', 'company'], ['Компания', 'company'], ['company', 'company'], ['заңды тұлға', 'company'],
    ['жеке кәсіпкер', 'company'], ['ТОО', 'company'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(parseImporter(input))).toBe(expected);
  });
});

describe('booleans', () => {
  it.each([
    ['да', true], ['Нет', false], ['yes', true], ['no', false], ['иә', true], ['жоқ', false], ['1', true], [0, false],
    ['true', true], ['FALSE', false], ['✓', true], [true, true],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(parseBoolean(input))).toBe(expected);
  });
  it('rejects anything else', () => expect(parseBoolean('может быть').ok).toBe(false));
});

describe('countries', () => {
  it.each([
    ['Россия', 'RU'], ['РФ', 'RU'], ['Russia', 'RU'], ['Ресей', 'RU'], ['RU', 'RU'],
    ['Беларусь', 'BY'], ['Belarus', 'BY'], ['Республика Беларусь', 'BY'],
    ['Казахстан', 'KZ'], ['Kazakhstan', 'KZ'], ['Қазақстан', 'KZ'], ['kz', 'KZ'],
    ['Кыргызстан', 'KG'], ['Армения', 'AM'], ['Китай', 'CN'], ['Япония', 'JP'], ['Корея', 'KR'], ['Южная Корея', 'KR'],
    ['Германия', 'DE'], ['США', 'US'], ['ОАЭ', 'AE'],
  ] as const)('%s → %s', (input, expected) => {
    expect(value(parseCountry(input))).toBe(expected);
  });
  it('rejects an unknown country', () => expect(parseCountry('Атлантида').ok).toBe(false));
});

describe('word readings remembered across the rows of a column', () => {
  it('reads a spelling the same every time, and one row cannot change what the next row reads', () => {
    const first = parseCategory('M1G');
    expect(value(first)).toEqual({ category: 'M1', offRoad: true });
    // a caller that (wrongly) tried to edit the shared reading must fail, not poison later rows
    expect(() => {
      (value(first) as { category: string }).category = 'N3';
    }).toThrow(TypeError);
    expect(value(parseCategory('M1G'))).toEqual({ category: 'M1', offRoad: true });
  });

  it('stays correct past its bound: thousands of distinct spellings, then the first ones again', () => {
    for (let i = 0; i < 2500; i += 1) expect(value(parseCountry(i % 2 === 0 ? `Китай ${'-'.repeat(i % 7)}${i}` : 'Китай'))).toBe(i % 2 === 0 ? undefined : 'CN');
    expect(value(parseCountry('Китай'))).toBe('CN');
    expect(value(parsePropulsion('бензин'))).toBe('ice');
    expect(value(parseImporter('юрлицо'))).toBe('company');
  });
});
