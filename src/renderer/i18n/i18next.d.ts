import 'i18next';
import type ru from './locales/ru.json';

/** Types every `t('…')` key against the Russian locale, so a typo fails the typecheck. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ru };
    returnNull: false;
  }
}
