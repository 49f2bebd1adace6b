/** A made-up statement snapshot for renderer and hash tests (not the shipped rate data). */
import type { Language } from '../../../src/core/api/contract';
import type { StatementSnapshot, StatementVehicle } from '../../../src/core/statements/snapshot';

export function vinOf(i: number): string {
  return `XTA21099${String(i).padStart(9, '0')}`;
}

export function vehicle(i: number): StatementVehicle {
  return {
    line: i,
    vin: vinOf(i),
    make: 'Lada',
    model: 'Vesta',
    category: 'M1',
    propulsion: 'ice',
    engineCc: '1598',
    powerKw: null,
    powerHp: '106',
    grossMassKg: null,
    productionDate: '2023-05-10',
    ageYears: 2,
    input: { country: 'KZ', date: '2026-03-01', category: 'M1', propulsion: 'ice', engineCc: 1598, powerHp: 106, productionDate: '2023-05-10', importer: 'individual', vin: vinOf(i) },
    result: {
      ok: true,
      fee: '756875.00',
      currency: 'KZT',
      schedule: 'KZ-TEST',
      row: 'M1, 1001–2000 cm³',
      baseRate: '216250',
      coefficient: '3.5',
      basis: 'Order No. 448 of 02.11.2021, Appendix 1, p. 1.2',
      confidence: 'high',
      ageYears: null,
      assumptions: [],
      warnings: i % 2 === 0 ? [{ code: 'near-band-edge', message: 'Engine volume is within 1 % of a band edge.' }] : [],
      rowId: 'M1-1001-2000',
      status: 'in-force',
      sources: [{ key: 'order', title: 'Order 448', url: 'https://adilet.zan.kz/rus/docs/V2100025151', kind: 'official' }],
    },
  };
}

export function snapshot(count = 3, language: Language = 'ru'): StatementSnapshot {
  const vehicles = Array.from({ length: count }, (_, i) => vehicle(i + 1));
  return {
    format: 1,
    number: '2026-000001',
    issueDate: '2026-03-02',
    language,
    appVersion: '0.1.0',
    replaces: null,
    broker: { name: 'ТОО «Брокер Тамга»', licenseNumber: 'KZ-123', address: 'Алматы, ул. Абая, 1', phone: '+7 727 000 00 00', footerText: 'Банк: АО «Народный банк», IBAN KZ00 0000' },
    client: { kind: 'individual', name: 'Әлихан Сәрсенов', taxId: '900101300123', country: 'KZ', address: '' },
    caseNumber: '2026-0001',
    caseReference: 'ДТ 10000000/010326/0000001',
    country: 'KZ',
    ruleDate: '2026-03-01',
    applyUnconfirmed: [],
    vehicles,
    totals: [{ currency: 'KZT', amount: (756875n * BigInt(count)).toString() + '.00', vehicles: count }],
    schedules: [
      {
        id: 'KZ-TEST',
        title: 'Ставки утилизационного сбора',
        act: 'Приказ № 448 от 02.11.2021',
        link: 'https://adilet.zan.kz/rus/docs/V2100025151',
        status: 'in-force',
        effectiveFrom: '2022-01-01',
        effectiveTo: null,
        lastChecked: '2026-02-01',
        confidence: 'high',
        secondarySource: false,
        sources: [{ key: 'order', title: 'Order 448', url: 'https://adilet.zan.kz/rus/docs/V2100025151', kind: 'official' }],
      },
    ],
  };
}
