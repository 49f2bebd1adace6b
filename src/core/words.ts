/**
 * Amounts in words («сумма прописью») for printed fee statements, in Russian, Kazakh and English,
 * for tenge, roubles and Belarusian roubles.
 *
 * Layout follows the accounting convention of all three countries' payment documents: the main
 * unit in words, the minor unit as two digits with its declined name, the first letter capital —
 * «Семьсот пятьдесят шесть тысяч восемьсот семьдесят пять тенге 00 тиын». Digits for the minor
 * unit cannot be misread and are what banks expect; `minor: 'words'` spells them out as well.
 *
 * Amounts arrive as decimal strings (never floats) and must already be rounded to the currency's
 * two decimals by src/core/money.ts; anything else is a bug to surface, so it throws.
 *
 * Grammar: Russian numerals agree with the gender of the counted word (одна тысяча, две тысячи,
 * один рубль, одна копейка) and the noun takes one of three forms (рубль / рубля / рублей,
 * chosen by the last two digits); тенге is indeclinable. Kazakh numerals are regular and the
 * noun does not change after a numeral (бес теңге). Kazakh writes 100 as «жүз» and 1 000 as
 * «бір мың», as it writes «бір миллион». English uses the American form without "and"
 * ("one million one"), with hyphens for 21–99.
 */
import type { Language } from './api/contract';
import type { Currency } from './rates/schema';

type Gender = 'm' | 'f';
/** Russian noun forms after 1, after 2–4, after 5–20 (and 0). */
type Forms = readonly [one: string, few: string, many: string];

const AMOUNT_TEXT = /^(\d{1,15})\.(\d{2})$/;

// ---------------------------------------------------------------- Russian

const RU_UNITS_M = ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_UNITS_F = ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
/** thousands and up, with their gender: тысяча is feminine, the rest masculine */
const RU_SCALES: readonly { forms: Forms; gender: Gender }[] = [
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
  { forms: ['триллион', 'триллиона', 'триллионов'], gender: 'm' },
];

/** Which of the three Russian noun forms follows the number n. */
export function russianPluralForm(n: bigint): 0 | 1 | 2 {
  const lastTwo = Number(n % 100n);
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return 2;
  if (last === 1) return 0;
  if (last >= 2 && last <= 4) return 1;
  return 2;
}

function ruTriple(n: number, gender: Gender): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(RU_HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(RU_TENS[Math.floor(rest / 10)]!);
    const u = rest % 10;
    if (u > 0) words.push((gender === 'f' ? RU_UNITS_F : RU_UNITS_M)[u]!);
  }
  return words;
}

function ruNumber(n: bigint, gender: Gender): string {
  if (n === 0n) return 'ноль';
  const groups = triples(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    if (i === 0) {
      words.push(...ruTriple(g, gender));
    } else {
      const scale = RU_SCALES[i - 1]!;
      words.push(...ruTriple(g, scale.gender), scale.forms[russianPluralForm(BigInt(g))]);
    }
  }
  return words.join(' ');
}

// ---------------------------------------------------------------- Kazakh

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];
const KK_SCALES = ['мың', 'миллион', 'миллиард', 'триллион'];

function kkTriple(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  if (h === 1) words.push('жүз');
  else if (h > 1) words.push(KK_UNITS[h]!, 'жүз');
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  if (t > 0) words.push(KK_TENS[t]!);
  if (u > 0) words.push(KK_UNITS[u]!);
  return words;
}

function kkNumber(n: bigint): string {
  if (n === 0n) return 'нөл';
  const groups = triples(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    // a scale word is always counted: «бір мың», «бір миллион»
    words.push(...(i > 0 && g === 1 ? ['бір'] : kkTriple(g)));
    if (i > 0) words.push(KK_SCALES[i - 1]!);
  }
  return words.join(' ');
}

// ---------------------------------------------------------------- English

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['thousand', 'million', 'billion', 'trillion'];

function enTriple(n: number): string[] {
  const words: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) words.push(EN_UNITS[h]!, 'hundred');
  if (rest >= 10 && rest < 20) words.push(EN_TEENS[rest - 10]!);
  else if (rest >= 20) words.push(EN_TENS[Math.floor(rest / 10)]! + (rest % 10 ? `-${EN_UNITS[rest % 10]!}` : ''));
  else if (rest > 0) words.push(EN_UNITS[rest]!);
  return words;
}

function enNumber(n: bigint): string {
  if (n === 0n) return 'zero';
  const groups = triples(n);
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...enTriple(g));
    if (i > 0) words.push(EN_SCALES[i - 1]!);
  }
  return words.join(' ');
}

// ---------------------------------------------------------------- shared

/** Groups of three digits, least significant first. */
function triples(n: bigint): number[] {
  const out: number[] = [];
  let rest = n;
  while (rest > 0n) {
    out.push(Number(rest % 1000n));
    rest /= 1000n;
  }
  return out;
}

interface UnitNames {
  /** Russian: the three forms and the gender the numeral agrees with */
  ru: { forms: Forms; gender: Gender };
  kk: string;
  en: readonly [singular: string, plural: string];
}

const CURRENCY_WORDS: Record<Currency, { major: UnitNames; minor: UnitNames }> = {
  KZT: {
    major: { ru: { forms: ['тенге', 'тенге', 'тенге'], gender: 'm' }, kk: 'теңге', en: ['tenge', 'tenge'] },
    minor: { ru: { forms: ['тиын', 'тиына', 'тиынов'], gender: 'm' }, kk: 'тиын', en: ['tiyn', 'tiyn'] },
  },
  RUB: {
    major: { ru: { forms: ['рубль', 'рубля', 'рублей'], gender: 'm' }, kk: 'рубль', en: ['rouble', 'roubles'] },
    minor: { ru: { forms: ['копейка', 'копейки', 'копеек'], gender: 'f' }, kk: 'тиын', en: ['kopeck', 'kopecks'] },
  },
  BYN: {
    major: {
      ru: { forms: ['белорусский рубль', 'белорусских рубля', 'белорусских рублей'], gender: 'm' },
      kk: 'беларусь рублі',
      en: ['Belarusian rouble', 'Belarusian roubles'],
    },
    minor: { ru: { forms: ['копейка', 'копейки', 'копеек'], gender: 'f' }, kk: 'тиын', en: ['kopeck', 'kopecks'] },
  },
};

/** A whole number in words in the given language, in the gender of the counted word (Russian). */
export function numberInWords(n: bigint, lang: Language, gender: Gender = 'm'): string {
  if (n < 0n || n >= 10n ** 15n) throw new RangeError(`number out of range for words: ${n}`);
  if (lang === 'ru') return ruNumber(n, gender);
  if (lang === 'kk') return kkNumber(n);
  return enNumber(n);
}

function unitName(names: UnitNames, n: bigint, lang: Language): string {
  if (lang === 'ru') return names.ru.forms[russianPluralForm(n)];
  if (lang === 'kk') return names.kk;
  return n === 1n ? names.en[0] : names.en[1];
}

function gender(names: UnitNames, lang: Language): Gender {
  return lang === 'ru' ? names.ru.gender : 'm';
}

export interface WordsOptions {
  /** the minor unit as two digits (the accounting convention, default) or in words */
  minor?: 'digits' | 'words';
}

/**
 * `amountInWords('756875.00', 'KZT', 'ru')` →
 * «Семьсот пятьдесят шесть тысяч восемьсот семьдесят пять тенге 00 тиын».
 * Throws RangeError unless `amount` is a non-negative decimal string with exactly two decimals
 * below one quadrillion.
 */
export function amountInWords(amount: string, currency: Currency, lang: Language, options: WordsOptions = {}): string {
  const match = AMOUNT_TEXT.exec(amount);
  if (!match) throw new RangeError(`not an amount with two decimals: "${amount}"`);
  const major = BigInt(match[1]!);
  const minorDigits = match[2]!;
  const minor = BigInt(minorDigits);
  const names = CURRENCY_WORDS[currency];
  const majorText = `${numberInWords(major, lang, gender(names.major, lang))} ${unitName(names.major, major, lang)}`;
  const minorNumber = options.minor === 'words' ? numberInWords(minor, lang, gender(names.minor, lang)) : minorDigits;
  const text = `${majorText} ${minorNumber} ${unitName(names.minor, minor, lang)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
