import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../core/api/contract';
import { useLanguage } from '../i18n';
import { LANGUAGE_LABELS } from './languages';
import { useProfile } from './ProfileContext';

/** RU / KZ / EN buttons; the pressed one is the interface language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { setLanguage } = useProfile();
  const active = useLanguage();

  return (
    <div className="language-switch" role="group" aria-label={t('frame.languageSwitch')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          title={LANGUAGE_LABELS[language].native}
          aria-pressed={language === active}
          className="language-switch__button"
          onClick={() => void setLanguage(language)}
        >
          {LANGUAGE_LABELS[language].short}
        </button>
      ))}
    </div>
  );
}
