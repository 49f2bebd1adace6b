import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import type { ApiError, Language, RateGap, ScheduleSummary } from '../../../core/api/contract';
import { formatDate, formatNumber } from '../../../core/format';
import { COUNTRIES, type Country } from '../../../core/rates/schema';
import { useProfile } from '../../app/ProfileContext';
import { todayIso } from '../../app/today';
import { call } from '../../api/client';
import { ConfidenceBadge, StatusBadge } from '../../components/Badges';
import { ExternalLink } from '../../components/ExternalLink';
import { Field } from '../../components/Field';
import { useLanguage } from '../../i18n';

type Loaded =
  | { key: string; status: 'ready'; schedules: ScheduleSummary[]; gaps: RateGap[] }
  | { key: string; status: 'failed'; error: ApiError };

/** The installed rate schedules of one country on one date (or all periods), and its known gaps. */
export function RatesScreen() {
  const { t } = useTranslation();
  const { state } = useProfile();
  const language = useLanguage();
  const profileCountry = state.status === 'ready' ? state.profile?.defaultCountry : undefined;
  const [chosenCountry, setCountry] = useState<Country | null>(null);
  const country = chosenCountry ?? profileCountry ?? 'KZ';
  const [date, setDate] = useState(todayIso);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = JSON.stringify([country, date, language]);

  useEffect(() => {
    let current = true;
    const [c, d, lang] = JSON.parse(key) as [Country, string, Language];
    void Promise.all([
      call('rates.list', { country: c, language: lang, ...(d ? { date: d } : {}) }),
      call('rates.gaps', { country: c, language: lang }),
    ]).then(([schedules, gaps]) => {
      if (!current) return;
      if (!schedules.ok) setLoaded({ key, status: 'failed', error: schedules.error });
      else if (!gaps.ok) setLoaded({ key, status: 'failed', error: gaps.error });
      else setLoaded({ key, status: 'ready', schedules: schedules.value, gaps: gaps.value });
    });
    return () => {
      current = false;
    };
  }, [key]);

  const fmtDate = (iso: string) => formatDate(iso, language);
  const period = (from: string | null, to: string | null) =>
    t('rates.period', {
      from: from ? fmtDate(from) : t('rates.noStart'),
      to: to ? fmtDate(to) : t('rates.noEnd'),
    });

  return (
    <section className="screen screen--wide" aria-labelledby="rates-title">
      <h1 id="rates-title" className="screen__title">
        {t('rates.title')}
      </h1>
      <p className="screen__intro">{t('rates.intro')}</p>
      <div className="filters">
        <Field id="rates-country" label={t('rates.field.country')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={country}
              onChange={(event) => setCountry(event.target.value as Country)}
            >
              {COUNTRIES.map((option) => (
                <option key={option} value={option}>
                  {t(`country.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rates-date" label={t('rates.field.date')} hint={t('rates.hint.date')}>
          {(control) => (
            <DateInput {...control} language={language} value={date} onChange={setDate} />
          )}
        </Field>
      </div>
      {loaded === null && <p role="status">{t('rates.loading')}</p>}
      {loaded?.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {t('rates.loadFailed', { reason: t(`apiError.${loaded.error.code}`) })}
        </p>
      )}
      {loaded?.status === 'ready' && (
        <div aria-busy={loaded.key !== key}>
          <h2 className="section-title">{t('rates.schedules', { country: t(`country.${country}`) })}</h2>
          {loaded.schedules.length === 0 ? (
            <p className="notice">{t('rates.none')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table table--schedules">
                <thead>
                  <tr>
                    <th scope="col">{t('rates.column.title')}</th>
                    <th scope="col">{t('rates.column.kind')}</th>
                    <th scope="col">{t('rates.column.period')}</th>
                    <th scope="col">{t('rates.column.status')}</th>
                    <th scope="col">{t('rates.column.act')}</th>
                    <th scope="col">{t('rates.column.confidence')}</th>
                    <th scope="col">{t('rates.column.lastChecked')}</th>
                    <th scope="col" className="table__num">
                      {t('rates.column.rows')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.schedules.map((schedule) => (
                    <tr
                      key={schedule.id}
                      className={schedule.status === 'in-force' ? undefined : 'table__row--unconfirmed'}
                    >
                      <th scope="row">
                        <span className="table__title">{schedule.title}</span>
                        <span className="code">{schedule.id}</span>
                      </th>
                      <td>{t(`scheduleKind.${schedule.kind}`)}</td>
                      <td>
                        <span className="table__nowrap">{period(schedule.effectiveFrom, schedule.effectiveTo)}</span>
                        {schedule.datesNote && (
                          <span className="table__note table__clamp" title={schedule.datesNote}>
                            {schedule.datesNote}
                          </span>
                        )}
                      </td>
                      <td>
                        <StatusBadge status={schedule.status} />
                      </td>
                      <td className="table__act">
                        <span className="table__clamp" title={schedule.act}>
                          {schedule.link ? (
                            <ExternalLink href={schedule.link}>{schedule.act}</ExternalLink>
                          ) : (
                            schedule.act
                          )}
                        </span>
                      </td>
                      <td>
                        <ConfidenceBadge confidence={schedule.confidence} />
                      </td>
                      <td className="table__nowrap">{fmtDate(schedule.lastChecked)}</td>
                      <td className="table__num">{formatNumber(schedule.rowCount, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <section className="gaps" aria-labelledby="rates-gaps-title">
            <h2 id="rates-gaps-title" className="section-title">
              {t('rates.gaps.title')}
            </h2>
            <p className="section-intro">{t('rates.gaps.intro')}</p>
            {loaded.gaps.length === 0 ? (
              <p className="notice">{t('rates.gaps.none')}</p>
            ) : (
              <ul className="gaps__list">
                {loaded.gaps.map((gap, index) => (
                  <li key={index} className="gaps__item">
                    <p className="gaps__what">
                      <span className="badge badge--gap">{t('rates.gaps.badge')}</span> {gap.what}
                    </p>
                    <p className="gaps__period">{period(gap.from, gap.to)}</p>
                    <p className="gaps__note">{gap.note}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
