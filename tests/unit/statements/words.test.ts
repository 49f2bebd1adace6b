import { describe, expect, it } from 'vitest';
import { amountInWords, numberInWords, russianPluralForm } from '../../../src/core/words';

describe('Russian amounts in words', () => {
  const ru = (a: string, c: 'KZT' | 'RUB' | 'BYN' = 'RUB') => amountInWords(a, c, 'ru');
  it.each([
    ['0.00', 'Ноль рублей 00 копеек'],
    ['1.00', 'Один рубль 00 копеек'],
    ['2.00', 'Два рубля 00 копеек'],
    ['5.00', 'Пять рублей 00 копеек'],
    ['11.00', 'Одиннадцать рублей 00 копеек'],
    ['21.00', 'Двадцать один рубль 00 копеек'],
    ['22.00', 'Двадцать два рубля 00 копеек'],
    ['101.00', 'Сто один рубль 00 копеек'],
    ['1000.00', 'Одна тысяча рублей 00 копеек'],
    ['2000.00', 'Две тысячи рублей 00 копеек'],
    ['5000.00', 'Пять тысяч рублей 00 копеек'],
    ['1000001.00', 'Один миллион один рубль 00 копеек'],
    ['112.00', 'Сто двенадцать рублей 00 копеек'],
    ['0.01', 'Ноль рублей 01 копейка'],
    ['0.02', 'Ноль рублей 02 копейки'],
    ['0.50', 'Ноль рублей 50 копеек'],
    ['0.11', 'Ноль рублей 11 копеек'],
    ['2021.21', 'Две тысячи двадцать один рубль 21 копейка'],
  ])('%s RUB → %s', (amount, words) => expect(ru(amount)).toBe(words));

  it('tenge is indeclinable, тиын declines', () => {
    expect(ru('756875.00', 'KZT')).toBe('Семьсот пятьдесят шесть тысяч восемьсот семьдесят пять тенге 00 тиынов');
    expect(ru('1.01', 'KZT')).toBe('Один тенге 01 тиын');
    expect(ru('2.02', 'KZT')).toBe('Два тенге 02 тиына');
    expect(ru('5.50', 'KZT')).toBe('Пять тенге 50 тиынов');
  });

  it('Belarusian roubles agree with the numeral', () => {
    expect(ru('1.00', 'BYN')).toBe('Один белорусский рубль 00 копеек');
    expect(ru('22.00', 'BYN')).toBe('Двадцать два белорусских рубля 00 копеек');
    expect(ru('23575.91', 'BYN')).toBe('Двадцать три тысячи пятьсот семьдесят пять белорусских рублей 91 копейка');
  });

  it('spells the minor unit in the feminine when asked', () => {
    expect(amountInWords('0.01', 'RUB', 'ru', { minor: 'words' })).toBe('Ноль рублей одна копейка');
    expect(amountInWords('0.02', 'BYN', 'ru', { minor: 'words' })).toBe('Ноль белорусских рублей две копейки');
    expect(amountInWords('0.50', 'KZT', 'ru', { minor: 'words' })).toBe('Ноль тенге пятьдесят тиынов');
  });

  it('chooses the noun form by the last two digits', () => {
    expect([1n, 2n, 4n, 5n, 11n, 12n, 14n, 21n, 22n, 25n, 111n, 101n].map(russianPluralForm)).toEqual([0, 1, 1, 2, 2, 2, 2, 0, 1, 2, 2, 0]);
  });

  it('large numbers: millions and milliards in the masculine', () => {
    expect(numberInWords(2_002_002_002n, 'ru')).toBe('два миллиарда два миллиона две тысячи два');
    expect(numberInWords(2_002_002_002n, 'ru', 'f')).toBe('два миллиарда два миллиона две тысячи две');
  });
});

describe('Kazakh amounts in words', () => {
  const kk = (a: string) => amountInWords(a, 'KZT', 'kk');
  it.each([
    ['0.00', 'Нөл теңге 00 тиын'],
    ['1.00', 'Бір теңге 00 тиын'],
    ['2.00', 'Екі теңге 00 тиын'],
    ['5.00', 'Бес теңге 00 тиын'],
    ['11.00', 'Он бір теңге 00 тиын'],
    ['21.00', 'Жиырма бір теңге 00 тиын'],
    ['22.00', 'Жиырма екі теңге 00 тиын'],
    ['101.00', 'Жүз бір теңге 00 тиын'],
    ['1000.00', 'Бір мың теңге 00 тиын'],
    ['2000.00', 'Екі мың теңге 00 тиын'],
    ['1000001.00', 'Бір миллион бір теңге 00 тиын'],
    ['756875.00', 'Жеті жүз елу алты мың сегіз жүз жетпіс бес теңге 00 тиын'],
    ['0.01', 'Нөл теңге 01 тиын'],
    ['0.50', 'Нөл теңге 50 тиын'],
  ])('%s KZT → %s', (amount, words) => expect(kk(amount)).toBe(words));

  it('tens, hundreds and scales', () => {
    expect(numberInWords(3_040_090n, 'kk')).toBe('үш миллион қырық мың тоқсан');
    expect(numberInWords(1_000_000_000n, 'kk')).toBe('бір миллиард');
    expect(numberInWords(960_370n, 'kk')).toBe('тоғыз жүз алпыс мың үш жүз жетпіс');
    expect(numberInWords(80_000n, 'kk')).toBe('сексен мың');
    expect(amountInWords('0.50', 'KZT', 'kk', { minor: 'words' })).toBe('Нөл теңге елу тиын');
    expect(amountInWords('3.00', 'RUB', 'kk')).toBe('Үш рубль 00 тиын');
  });
});

describe('English amounts in words', () => {
  it.each([
    ['0.00', 'RUB', 'Zero roubles 00 kopecks'],
    ['1.00', 'RUB', 'One rouble 00 kopecks'],
    ['2.00', 'RUB', 'Two roubles 00 kopecks'],
    ['5.00', 'KZT', 'Five tenge 00 tiyn'],
    ['11.00', 'KZT', 'Eleven tenge 00 tiyn'],
    ['21.00', 'BYN', 'Twenty-one Belarusian roubles 00 kopecks'],
    ['22.00', 'BYN', 'Twenty-two Belarusian roubles 00 kopecks'],
    ['101.00', 'KZT', 'One hundred one tenge 00 tiyn'],
    ['1000.00', 'RUB', 'One thousand roubles 00 kopecks'],
    ['2000.00', 'RUB', 'Two thousand roubles 00 kopecks'],
    ['1000001.00', 'KZT', 'One million one tenge 00 tiyn'],
    ['756875.00', 'KZT', 'Seven hundred fifty-six thousand eight hundred seventy-five tenge 00 tiyn'],
    ['0.01', 'RUB', 'Zero roubles 01 kopeck'],
    ['0.50', 'BYN', 'Zero Belarusian roubles 50 kopecks'],
    ['1.00', 'BYN', 'One Belarusian rouble 00 kopecks'],
  ] as const)('%s %s → %s', (amount, currency, words) => expect(amountInWords(amount, currency, 'en')).toBe(words));

  it('spells minor units when asked', () => {
    expect(amountInWords('0.01', 'RUB', 'en', { minor: 'words' })).toBe('Zero roubles one kopeck');
    expect(amountInWords('0.50', 'KZT', 'en', { minor: 'words' })).toBe('Zero tenge fifty tiyn');
  });
});

describe('input discipline', () => {
  it.each(['1', '1.5', '1.005', '-1.00', '1e3', ' 1.00', '1,00', '1000000000000000.00'])('refuses %j', (bad) => {
    expect(() => amountInWords(bad, 'KZT', 'ru')).toThrow(RangeError);
  });
});
