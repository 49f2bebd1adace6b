/** The engine's message catalogue per language. */
import type { Language } from '../api/contract';
import { en, type EngineMessages } from './engine-en';
import { kk } from './engine-kk';
import { ru } from './engine-ru';

export type { EngineMessages } from './engine-en';

const CATALOGUES: Record<Language, EngineMessages> = { en, ru, kk };

export function engineMessages(language: Language): EngineMessages {
  return CATALOGUES[language] ?? en;
}

/** Numbers in prose: a decimal comma in Russian and Kazakh, a point in English; no grouping. */
export function formatNumber(n: number, language: Language): string {
  const text = String(n);
  return language === 'en' ? text : text.replace('.', ',');
}
