import { describe, expect, it } from 'vitest';
import {
  byControlDigit,
  checkByUnp,
  checkKzBin,
  checkKzIin,
  checkRuInn,
  checkTaxId,
  kzControlDigit,
  normalizeTaxId,
  taxIdMessage,
  type TaxIdProblem,
} from '../../../src/core/identifiers';

// Valid numbers below were built by computing their control digits by hand from the published
// weights (a script independent of the module), not taken from the module under test.
const problem = (r: ReturnType<typeof checkTaxId>) => (r.ok ? 'ok' : r.problem);

describe('KZ ИИН', () => {
  it('accepts numbers whose control digit matches, in each century', () => {
    expect(checkKzIin('900101300007')).toEqual({ ok: true, value: '900101300007', type: 'kz-iin' }); // 1990-01-01, male
    expect(checkKzIin('850715401236').ok).toBe(true); // 1985-07-15, female
    expect(checkKzIin('051225600113').ok).toBe(true); // 2005-12-25, female
    expect(checkKzIin('000229500127').ok).toBe(true); // 29 Feb 2000 exists
  });

  it('uses the second pass (weights 3..11, 1, 2) when the first gives 10', () => {
    expect(kzControlDigit('90010130081')).toBe(1);
    expect(checkKzIin('900101300811').ok).toBe(true);
    expect(problem(checkKzIin('900101300810'))).toBe('check-digit');
  });

  it('refuses a number whose second pass also gives 10, whatever its last digit', () => {
    expect(kzControlDigit('90010130080')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(problem(checkKzIin(`90010130080${d}`))).toBe('check-digit');
  });

  it('refuses a wrong control digit, a date that does not exist, a bad century digit, a wrong length', () => {
    expect(problem(checkKzIin('900101300008'))).toBe('check-digit');
    expect(problem(checkKzIin('750229400017'))).toBe('birth-date'); // 1975 is not a leap year (control digit is right)
    expect(problem(checkKzIin('901301300007'))).toBe('birth-date');
    expect(problem(checkKzIin('900101700007'))).toBe('century');
    expect(problem(checkKzIin('900101000007'))).toBe('century');
    expect(problem(checkKzIin('90010130000'))).toBe('length');
    expect(problem(checkKzIin('90010130000A'))).toBe('format');
  });
});

describe('KZ БИН', () => {
  it('accepts resident, non-resident and joint-entrepreneurship numbers', () => {
    expect(checkKzBin('150540012348')).toEqual({ ok: true, value: '150540012348', type: 'kz-bin' });
    expect(checkKzBin('120340001230').ok).toBe(true);
    expect(checkKzBin('190160000712').ok).toBe(true);
  });

  it('refuses a type digit other than 4, 5, 6, a month outside 01–12, a wrong control digit', () => {
    expect(problem(checkKzBin('871231400709'))).toBe('entity-type'); // an ИИН: fifth digit 3
    expect(problem(checkKzBin('151340012348'))).toBe('entity-type');
    expect(problem(checkKzBin('150540012347'))).toBe('check-digit');
  });
});

describe('RU ИНН', () => {
  it('accepts 10- and 12-digit numbers with the right control digits', () => {
    expect(checkRuInn('7707083893')).toEqual({ ok: true, value: '7707083893', type: 'ru-inn-10' });
    expect(checkRuInn('2312001236').ok).toBe(true);
    expect(checkRuInn('500100732259')).toEqual({ ok: true, value: '500100732259', type: 'ru-inn-12' });
    expect(checkRuInn('771234567859').ok).toBe(true);
  });

  it('refuses a wrong control digit in either place, and other lengths', () => {
    expect(problem(checkRuInn('7707083894'))).toBe('check-digit');
    expect(problem(checkRuInn('500100732269'))).toBe('check-digit');
    expect(problem(checkRuInn('500100732258'))).toBe('check-digit');
    expect(problem(checkRuInn('77070838931'))).toBe('length');
  });
});

describe('BY УНП', () => {
  it('accepts organisations’ nine digits with the right control digit', () => {
    expect(checkByUnp('200988541')).toEqual({ ok: true, value: '200988541', type: 'by-unp' });
    expect(checkByUnp('191234563').ok).toBe(true);
  });

  it('accepts an individual’s number with a region and a series letter, Latin or Cyrillic', () => {
    // M = 22 (its place in 0–9A–Z), A = 0 (first of the series letters): 29·22 + 19·1 + 17·9 + … = 950 ≡ 4 (mod 11)
    expect(byControlDigit('MA195368')).toBe(4);
    expect(checkByUnp('MA1953684').ok).toBe(true);
    expect(checkTaxId('BY', 'individual', 'УНП МА1953684')).toEqual({ ok: true, value: 'MA1953684', type: 'by-unp' });
  });

  it('refuses a wrong control digit, a remainder of 10, a region outside 1–7, letters out of place', () => {
    expect(problem(checkByUnp('200988542'))).toBe('check-digit');
    expect(problem(checkByUnp('800988541'))).toBe('format');
    expect(problem(checkByUnp('2A0988541'))).toBe('format');
    expect(problem(checkByUnp('MZ1953684'))).toBe('format');
    expect(problem(checkByUnp('20098854'))).toBe('length');
    // find a prefix whose remainder is 10: such numbers are never issued
    const prefix = Array.from({ length: 1000 }, (_, i) => `100${String(i).padStart(5, '0')}`).find((p) => byControlDigit(p) === null)!;
    for (let d = 0; d <= 9; d++) expect(problem(checkByUnp(`${prefix}${d}`))).toBe('check-digit');
  });
});

describe('checkTaxId by country and kind', () => {
  it('reads numbers as written on documents', () => {
    expect(normalizeTaxId(' ИИН: 900 101 300 007 ')).toBe('900101300007');
    expect(checkTaxId('RU', 'company', '7707-083-893').ok).toBe(true);
  });

  it('wants an ИИН for a KZ individual and a БИН or a sole entrepreneur’s ИИН for a company', () => {
    expect(problem(checkTaxId('KZ', 'individual', '900101300007'))).toBe('ok');
    expect(problem(checkTaxId('KZ', 'individual', '150540012348'))).not.toBe('ok');
    expect(checkTaxId('KZ', 'company', '150540012348')).toMatchObject({ ok: true, type: 'kz-bin' });
    expect(checkTaxId('KZ', 'company', '900101300007')).toMatchObject({ ok: true, type: 'kz-iin' });
  });

  it('refuses a 10-digit ИНН for a RU individual and accepts a sole entrepreneur’s 12 digits for a company', () => {
    expect(problem(checkTaxId('RU', 'individual', '7707083893'))).toBe('kind-mismatch');
    expect(checkTaxId('RU', 'company', '500100732259')).toMatchObject({ ok: true, type: 'ru-inn-12' });
    expect(problem(checkTaxId('RU', 'company', ''))).toBe('empty');
  });

  it('has a message for every problem in ru, kk and en', () => {
    const problems: TaxIdProblem[] = ['empty', 'length', 'format', 'check-digit', 'birth-date', 'century', 'entity-type', 'kind-mismatch'];
    for (const lang of ['ru', 'kk', 'en'] as const) for (const p of problems) expect(taxIdMessage(p, lang).length).toBeGreaterThan(10);
    expect(taxIdMessage('check-digit', 'ru')).not.toBe(taxIdMessage('check-digit', 'en'));
  });
});
