import { useTranslation } from 'react-i18next';
import { COUNTRIES } from '../../core/rates/schema';
import { ExternalLink } from '../components/ExternalLink';
import { LEGAL_PORTALS } from './helpLinks';
import { LanguageSwitch } from './LanguageSwitch';
import { useProfile } from './ProfileContext';
import { ROUTES, hrefOf } from './routes';
import { useHashRoute } from './useHashRoute';

/** The window's frame: the app name, the screens, help, the language switch and the screen. */
export function Frame() {
  const { t } = useTranslation();
  const route = useHashRoute();
  const { languageError } = useProfile();
  const { Screen } = route;

  return (
    <div className="frame">
      <aside className="frame__sidebar">
        <div className="frame__brand">{t('app.name')}</div>
        <nav className="frame__nav" aria-label={t('frame.sections')}>
          <ul>
            {ROUTES.map((entry) => (
              <li key={entry.id}>
                <a
                  href={hrefOf(entry)}
                  className="frame__nav-link"
                  aria-current={entry.id === route.id ? 'page' : undefined}
                >
                  {t(`nav.${entry.id}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <section className="frame__help" aria-labelledby="frame-help-title">
          <h2 id="frame-help-title" className="frame__help-title">
            {t('frame.help')}
          </h2>
          <p>{t('frame.legalTexts')}</p>
          <ul>
            {COUNTRIES.map((country) => (
              <li key={country}>
                <ExternalLink href={LEGAL_PORTALS[country]}>{t(`frame.portal.${country}`)}</ExternalLink>
              </li>
            ))}
          </ul>
        </section>
      </aside>
      <div className="frame__body">
        <header className="frame__topbar">
          <LanguageSwitch />
        </header>
        {languageError && (
          <p className="notice notice--error" role="alert">
            {t('frame.languageNotSaved', { reason: t(`apiError.${languageError.code}`) })}
          </p>
        )}
        <main className="frame__main">
          <Screen key={route.id} />
        </main>
      </div>
    </div>
  );
}
