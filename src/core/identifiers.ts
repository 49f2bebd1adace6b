/**
 * Taxpayer identifiers of the three countries, checked before a client is saved so a mistyped
 * number is caught at the desk rather than by customs. Pure: used by main (authoritative) and by
 * the renderer (feedback while typing).
 *
 * Rules implemented (each from the issuing state's published algorithm):
 * - KZ ИИН (individuals, including sole entrepreneurs) and БИН (legal entities, branches,
 *   representative offices, joint entrepreneurship), 12 digits (Law No. 223 of 12.01.2007;
 *   Government Decree No. 406 of 22.05.2007, rules of forming the identification number).
 *   Control digit: Σ dᵢ·i (i = 1..11) mod 11; when that is 10, a second pass with weights
 *   3..11, 1, 2; a second 10 means the number is never issued (invalid).
 *   ИИН: digits 1–6 are the birth date YYMMDD, digit 7 the century and sex (1/2: 1800s,
 *   3/4: 1900s, 5/6: 2000s; odd male, even female) — the date must exist in that century.
 *   БИН: digits 1–4 are the registration YYMM (month 01–12), digit 5 the type (4 resident legal
 *   entity, 5 non-resident legal entity, 6 joint entrepreneurship), digit 6 the unit
 *   (0 head unit, 1 branch, 2 representative office, 3 peasant farm in joint entrepreneurship).
 * - RU ИНН: 10 digits (organisations), one control digit, weights 2,4,10,3,5,9,4,6,8; 12 digits
 *   (individuals and sole entrepreneurs), two control digits with weights 7,2,4,10,3,5,9,4,6,8
 *   and 3,7,2,4,10,3,5,9,4,6,8; each control digit is Σ mod 11 mod 10 (Order of the FNS
 *   No. ММВ-7-6/435@ of 29.06.2012, appendix).
 * - BY УНП: 9 characters, control digit Σ wᵢ·cᵢ mod 11 with weights 29,23,19,17,13,7,5,3;
 *   a remainder of 10 is never issued (invalid). Organisations and sole entrepreneurs have
 *   9 digits, the first (1–7) the region. Some individuals' numbers carry letters in the first
 *   two places: the first is a region letter (A B C E H K M) weighed by its position in
 *   0–9A–Z (A = 10 … M = 22), the second a series letter A B C E H K M O P T weighed as 0–9.
 *   Cyrillic look-alike letters (А В С Е Н К М О Р Т) are read as the Latin ones.
 */
import type { Language } from './api/contract';
import type { Country } from './rates/schema';

export type PartyKind = 'individual' | 'company';
export type TaxIdType = 'kz-iin' | 'kz-bin' | 'ru-inn-10' | 'ru-inn-12' | 'by-unp';
export type TaxIdProblem = 'empty' | 'length' | 'format' | 'check-digit' | 'birth-date' | 'century' | 'entity-type' | 'kind-mismatch';

export type TaxIdCheck = { ok: true; value: string; type: TaxIdType } | { ok: false; problem: TaxIdProblem };

const MESSAGES: Record<Language, Record<TaxIdProblem, string>> = {
  ru: {
    empty: 'Укажите идентификационный номер.',
    length: 'Неверная длина номера.',
    format: 'Номер может содержать только цифры (у УНП физического лица — две буквы в начале).',
    'check-digit': 'Контрольный разряд не совпадает: в номере ошибка.',
    'birth-date': 'Первые шесть цифр ИИН — не существующая дата рождения.',
    century: 'Седьмая цифра ИИН (век и пол) должна быть от 1 до 6.',
    'entity-type': 'Пятая цифра БИН (тип лица) должна быть 4, 5 или 6, шестая — от 0 до 3, месяц регистрации — от 01 до 12.',
    'kind-mismatch': 'Номер не подходит для этого типа клиента (физическое лицо или организация).',
  },
  kk: {
    empty: 'Сәйкестендіру нөмірін көрсетіңіз.',
    length: 'Нөмірдің ұзындығы қате.',
    format: 'Нөмір тек цифрлардан тұруы керек (жеке тұлғаның УНП-інде басында екі әріп болуы мүмкін).',
    'check-digit': 'Бақылау разряды сәйкес келмейді: нөмірде қате бар.',
    'birth-date': 'ЖСН-нің алғашқы алты цифры — жоқ туған күн.',
    century: 'ЖСН-нің жетінші цифры (ғасыр және жыныс) 1-ден 6-ға дейін болуы керек.',
    'entity-type': 'БСН-нің бесінші цифры (тұлға түрі) 4, 5 немесе 6, алтыншысы 0-ден 3-ке дейін, тіркелген айы 01-ден 12-ге дейін болуы керек.',
    'kind-mismatch': 'Нөмір клиенттің бұл түріне сәйкес келмейді (жеке тұлға немесе ұйым).',
  },
  en: {
    empty: 'Enter the identification number.',
    length: 'The number has the wrong length.',
    format: 'The number may contain digits only (an individual’s УНП may start with two letters).',
    'check-digit': 'The control digit does not match: the number has a typo.',
    'birth-date': 'The first six digits of the ИИН are not a real date of birth.',
    century: 'The seventh digit of the ИИН (century and sex) must be 1 to 6.',
    'entity-type': 'The fifth digit of the БИН (entity type) must be 4, 5 or 6, the sixth 0 to 3, and the registration month 01 to 12.',
    'kind-mismatch': 'This kind of number does not fit this kind of client (individual or company).',
  },
};

export function taxIdMessage(problem: TaxIdProblem, language: Language): string {
  return MESSAGES[language][problem];
}

const digitsOf = (s: string): number[] => [...s].map((c) => c.charCodeAt(0) - 48);
const weighted = (d: readonly number[], w: readonly number[]): number => w.reduce((sum, wi, i) => sum + wi * d[i]!, 0);

/** Spaces, dashes, dots and a leading "УНП"/"UNP" are how numbers are written on documents, not part of them. */
export function normalizeTaxId(raw: string): string {
  return raw.trim().toUpperCase().replace(/^(УНП|UNP|ИИН|БИН|ИНН|IIN|BIN|INN)\s*:?\s*/u, '').replace(/[\s.\-–]/g, '');
}

const KZ_W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const KZ_W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The KZ control digit of the first 11 digits, or null when no digit is valid (the number is never issued). */
export function kzControlDigit(first11: string): number | null {
  const d = digitsOf(first11);
  const first = weighted(d, KZ_W1) % 11;
  if (first !== 10) return first;
  const second = weighted(d, KZ_W2) % 11;
  return second === 10 ? null : second;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

export function checkKzIin(value: string): TaxIdCheck {
  if (!/^\d+$/.test(value)) return { ok: false, problem: 'format' };
  if (value.length !== 12) return { ok: false, problem: 'length' };
  const d = digitsOf(value);
  const centurySex = d[6]!;
  if (centurySex < 1 || centurySex > 6) return { ok: false, problem: 'century' };
  const year = 1800 + 100 * Math.floor((centurySex - 1) / 2) + d[0]! * 10 + d[1]!;
  if (!validDate(year, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!)) return { ok: false, problem: 'birth-date' };
  if (kzControlDigit(value.slice(0, 11)) !== d[11]) return { ok: false, problem: 'check-digit' };
  return { ok: true, value, type: 'kz-iin' };
}

export function checkKzBin(value: string): TaxIdCheck {
  if (!/^\d+$/.test(value)) return { ok: false, problem: 'format' };
  if (value.length !== 12) return { ok: false, problem: 'length' };
  const d = digitsOf(value);
  const month = d[2]! * 10 + d[3]!;
  if (month < 1 || month > 12 || ![4, 5, 6].includes(d[4]!) || d[5]! > 3) return { ok: false, problem: 'entity-type' };
  if (kzControlDigit(value.slice(0, 11)) !== d[11]) return { ok: false, problem: 'check-digit' };
  return { ok: true, value, type: 'kz-bin' };
}

const RU10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const RU12A = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const RU12B = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

/** The control digits an ИНН of this length must end with, computed from its leading digits. */
export function ruControlDigits(leading: string): string {
  const d = digitsOf(leading);
  if (d.length === 9) return String((weighted(d, RU10) % 11) % 10);
  const first = (weighted(d, RU12A) % 11) % 10;
  const second = (weighted([...d, first], RU12B) % 11) % 10;
  return `${first}${second}`;
}

export function checkRuInn(value: string): TaxIdCheck {
  if (!/^\d+$/.test(value)) return { ok: false, problem: 'format' };
  if (value.length !== 10 && value.length !== 12) return { ok: false, problem: 'length' };
  const control = value.length === 10 ? 1 : 2;
  if (ruControlDigits(value.slice(0, value.length - control)) !== value.slice(-control)) return { ok: false, problem: 'check-digit' };
  return { ok: true, value, type: value.length === 10 ? 'ru-inn-10' : 'ru-inn-12' };
}

const BY_WEIGHTS = [29, 23, 19, 17, 13, 7, 5, 3];
const BY_REGION_LETTERS = 'ABCEHKM';
const BY_SERIES_LETTERS = 'ABCEHKMOPT';
const CYRILLIC_TO_LATIN: Record<string, string> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T' };

/** The УНП control digit of the first 8 characters, or null when the remainder is 10 (never issued). */
export function byControlDigit(first8: string): number | null {
  const values = [...first8].map((c, i) => {
    if (/\d/.test(c)) return c.charCodeAt(0) - 48;
    // A region letter counts as its place in 0–9A–Z; a series letter as its place in the series list.
    return i === 0 ? 10 + c.charCodeAt(0) - 65 : BY_SERIES_LETTERS.indexOf(c);
  });
  const r = weighted(values, BY_WEIGHTS) % 11;
  return r === 10 ? null : r;
}

export function checkByUnp(raw: string): TaxIdCheck {
  const value = [...raw].map((c) => CYRILLIC_TO_LATIN[c] ?? c).join('');
  if (value.length !== 9) return { ok: false, problem: /^[\dA-Z]+$/.test(value) ? 'length' : 'format' };
  const lettered = /^[A-Z]/.test(value) || /^.[A-Z]/.test(value);
  if (lettered) {
    if (!/^[ABCEHKM][ABCEHKMOPT]\d{7}$/.test(value) || !BY_REGION_LETTERS.includes(value[0]!)) return { ok: false, problem: 'format' };
  } else if (!/^[1-7]\d{8}$/.test(value)) {
    return { ok: false, problem: 'format' };
  }
  if (byControlDigit(value.slice(0, 8)) !== Number(value[8])) return { ok: false, problem: 'check-digit' };
  return { ok: true, value, type: 'by-unp' };
}

/**
 * The tax id a client of this country and kind may have. KZ: an individual has an ИИН; a company
 * a БИН, or an ИИН when it is a sole entrepreneur. RU: a company (organisation) 10 digits, or
 * 12 for a sole entrepreneur; an individual 12 digits. BY: an УНП either way.
 */
export function checkTaxId(country: Country, kind: PartyKind, raw: string): TaxIdCheck {
  const value = normalizeTaxId(raw);
  if (value === '') return { ok: false, problem: 'empty' };
  switch (country) {
    case 'KZ': {
      if (kind === 'individual') return checkKzIin(value);
      // A БИН's fifth digit is 4–6; an ИИН's is a day-of-birth digit, so the type is told apart by it and by the ИИН check.
      const asBin = checkKzBin(value);
      if (asBin.ok) return asBin;
      const asIin = checkKzIin(value);
      return asIin.ok ? asIin : asBin;
    }
    case 'RU': {
      const checked = checkRuInn(value);
      if (checked.ok && kind === 'individual' && checked.type === 'ru-inn-10') return { ok: false, problem: 'kind-mismatch' };
      return checked;
    }
    case 'BY':
      return checkByUnp(value);
  }
}
