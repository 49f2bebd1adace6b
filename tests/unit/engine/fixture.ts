/**
 * A small rate bundle made up for engine tests: the shapes of the real data (a series base, a
 * preferential and a standard schedule, an exemption, an opt-in column, notices) with figures
 * chosen for easy arithmetic. Not the shipped data, so these tests do not move when it does.
 */
import type { RateFile } from '../../../src/core/rates/load';

const text = (en: string) => ({ ru: en, kk: en, en });
const src = { off: { title: 'Official gazette', kind: 'official' }, news: { title: 'A news page', kind: 'news' } };

export function jurisdiction(cc: 'KZ' | 'RU', extra: Record<string, unknown> = {}) {
  return {
    jurisdiction: cc,
    currency: cc === 'KZ' ? 'KZT' : 'RUB',
    lastChecked: '2026-01-01',
    ruleDate: text('rule date'),
    unknownProductionDay: { yearOnly: cc === 'RU' ? '07-01' : '01-01', monthOnly: 'fifteenth', basis: 'test rule', source: ['off'], confidence: 'high' },
    exemptions: [{ code: 'diplomatic', title: text('Diplomatic'), basis: 'test act' }],
    machineTypes: [{ code: 'grader', title: text('Grader') }],
    notices: [],
    sources: src,
    gaps: [],
    ...extra,
  };
}

const act = { title: 'Test act', number: '1', date: '2020-01-01', part: 'Annex' };

export function schedule(over: Record<string, unknown>) {
  return {
    id: 'KZ-STD',
    jurisdiction: 'KZ',
    kind: 'standard',
    title: text('Standard'),
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    status: 'in-force',
    legalAct: act,
    lastChecked: '2026-01-01',
    currency: 'KZT',
    sources: src,
    ...over,
  };
}

export const kzSeries = {
  id: 'KZ-IDX',
  jurisdiction: 'KZ',
  title: text('Index'),
  unit: 'KZT',
  lastChecked: '2026-01-01',
  sources: src,
  values: [
    { from: '2025-01-01', to: '2025-12-31', value: '1000', legalBasis: 'law', source: ['off'], confidence: 'high' },
    { from: '2026-01-01', to: null, value: '1100', legalBasis: 'law', source: ['off'], confidence: 'medium' },
  ],
};

const row = (id: string, when: Record<string, unknown>, figure: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id, when, ...figure, source: ['off'], confidence: 'high', ...extra,
});

export function fixtureFiles(): RateFile[] {
  return [
    { file: 'kz/jurisdiction.json', data: jurisdiction('KZ', {
      notices: [{ code: 'kz-test-notice', from: '2026-01-01', to: null, when: { dispatchCountry: ['RU'] }, message: text('From RU'), source: ['off'], confidence: 'low' }],
    }) },
    { file: 'series/KZ-IDX.json', data: kzSeries },
    { file: 'kz/KZ-STD.json', data: schedule({
      base: { series: 'KZ-IDX', multiplier: '50' },
      contiguous: ['engineCc'],
      rows: [
        row('ev', { category: ['M1'], propulsion: ['electric'] }, { coefficient: '0' }, { reason: text('Electric vehicles pay nothing') }),
        row('le1000', { category: ['M1'], propulsion: ['ice', 'hybrid'], engineCc: { lte: 1000 } }, { coefficient: '1.5' }),
        row('1001-2000', { category: ['M1'], propulsion: ['ice', 'hybrid'], engineCc: { gt: 1000, lte: 2000 } }, { coefficient: '3.5' }),
        row('gt2000', { category: ['M1'], propulsion: ['ice', 'hybrid'], engineCc: { gt: 2000 } }, { coefficient: '5' }, { confidence: 'low', derived: true }),
        row('tractor', { category: ['tractor'], powerHp: { lte: 100 } }, { coefficient: '2' }),
      ],
    }) },
    { file: 'kz/KZ-RB.json', data: schedule({
      id: 'KZ-RB', status: 'unconfirmed', effectiveFrom: '2026-05-01', base: { series: 'KZ-IDX', multiplier: '50' },
      rows: [row('rb-m1', { category: ['M1'], propulsion: ['ice', 'hybrid'], dispatchCountry: ['RU', 'BY'] }, { coefficient: '100' }, { source: ['news'] })],
    }) },
    { file: 'kz/KZ-EX.json', data: schedule({
      id: 'KZ-EX', kind: 'exemption',
      rows: [row('dip', { exemption: ['diplomatic'] }, { amount: '0' }, { reason: text('Diplomatic vehicles are exempt') })],
    }) },
    { file: 'ru/jurisdiction.json', data: jurisdiction('RU', {
      electricPower: { measure: 'thirty-minute', estimateFromPeak: { factor: '0.45', from: '2026-02-01', basis: 'practice', source: ['news'], confidence: 'medium' } },
    }) },
    { file: 'ru/RU-PERS.json', data: schedule({
      id: 'RU-PERS', jurisdiction: 'RU', kind: 'preferential', currency: 'RUB', base: { amount: '20000', source: ['off'], confidence: 'high' },
      rows: [
        row('ice-le3', { category: ['M1'], propulsion: ['ice', 'hybrid'], engineCc: { lte: 3000 }, powerKw: { lte: 117.68 }, ageYears: { lte: 3 }, importer: ['individual'], personalUse: true }, { coefficient: '0.17' }),
        row('ice-gt3', { category: ['M1'], propulsion: ['ice', 'hybrid'], engineCc: { lte: 3000 }, powerKw: { lte: 117.68 }, ageYears: { gt: 3 }, importer: ['individual'], personalUse: true }, { coefficient: '0.26' }),
        row('ev-le3', { category: ['M1'], propulsion: ['electric', 'series-hybrid'], powerKw: { lte: 58.84 }, ageYears: { lte: 3 }, importer: ['individual'], personalUse: true }, { coefficient: '0.17' }),
        row('ev-gt3', { category: ['M1'], propulsion: ['electric', 'series-hybrid'], powerKw: { lte: 58.84 }, ageYears: { gt: 3 }, importer: ['individual'], personalUse: true }, { coefficient: '0.26' }),
      ],
    }) },
    { file: 'ru/RU-STD.json', data: schedule({
      id: 'RU-STD', jurisdiction: 'RU', currency: 'RUB', base: { amount: '20000', source: ['off'], confidence: 'high' },
      rows: [
        row('ice-le3', { category: ['M1'], propulsion: ['ice', 'hybrid'], ageYears: { lte: 3 } }, { coefficient: '10' }),
        row('ice-gt3', { category: ['M1'], propulsion: ['ice', 'hybrid'], ageYears: { gt: 3 } }, { coefficient: '20' }),
        row('ev', { category: ['M1'], propulsion: ['electric', 'series-hybrid'], powerKw: { gt: 0 } }, { coefficient: '30' }),
        row('odd', { category: ['M2'], propulsion: ['ice'] }, { amount: '2.675' }),
      ],
    }) },
  ];
}
