import type { Language } from '../../core/api/contract';

/**
 * How each language presents itself in the switch and the language list. Deliberately not
 * translated: a broker who cannot read the current language must still recognise their own.
 * KZ (not the ISO 639 code KK) is what Kazakhstani users expect on a language button.
 */
export const LANGUAGE_LABELS: Record<Language, { short: string; native: string }> = {
  ru: { short: 'RU', native: 'Русский' },
  kk: { short: 'KZ', native: 'Қазақша' },
  en: { short: 'EN', native: 'English' },
};
