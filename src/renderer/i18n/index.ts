/**
 * The renderer's one translation layer: an i18next instance bound to React, with ru as the
 * default and fallback. Screens translate with `useTranslation()`; nothing else formats text for
 * people (money, numbers and dates go through src/core/format.ts).
 */
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../core/api/contract';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';

export const DEFAULT_LANGUAGE: Language = 'ru';

/**
 * Compile-time proof that a locale has exactly ru's keys, nested ones included: a missing key
 * fails the first constraint, an extra one the second.
 */
function sameKeysAsRu<T extends typeof ru>(locale: T & (typeof ru extends T ? unknown : never)) {
  return locale;
}

export const resources = {
  ru: { translation: ru },
  kk: { translation: sameKeysAsRu(kk) },
  en: { translation: sameKeysAsRu(en) },
} as const;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The last language used on this machine, read before the profile arrives so the first paint is
 * already in the broker's language. The profile stays the source of truth.
 */
const LANGUAGE_CACHE_KEY = 'tamga.language';

export function cachedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_CACHE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

/** Switches every mounted component at once and remembers the choice for the next start. */
export async function applyLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_CACHE_KEY, language);
  } catch {
    // Storage may be disabled; the profile still carries the choice.
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

/** The interface language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export async function initI18n(): Promise<void> {
  const language = cachedLanguage();
  document.documentElement.lang = language;
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    // React escapes text itself; escaping here would show &amp; in names like "Smith & Co".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
