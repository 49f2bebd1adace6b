import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Language, ScheduleSummary } from '../../../core/api/contract';
import { formatDate } from '../../../core/format';
import { call } from '../../api/client';
import { CheckboxField } from '../../components/CheckboxField';
import { useLanguage } from '../../i18n';

type Loaded =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; schedules: ScheduleSummary[]; applied: string[] };

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; error: ApiError };

/**
 * Schedules not in force (drafts, unconfirmed reports) that the broker may choose to apply. Each
 * box saves at once: the choice changes every later fee, so it must never sit unsaved.
 */
export function UnconfirmedSchedules() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    let current = true;
    void Promise.all([call('rates.list', { language }), call('settings.get', {})]).then(([list, settings]) => {
      if (!current) return;
      if (!list.ok) setLoaded({ status: 'failed', error: list.error });
      else if (!settings.ok) setLoaded({ status: 'failed', error: settings.error });
      else
        setLoaded({
          status: 'ready',
          schedules: list.value.filter((schedule) => schedule.status !== 'in-force'),
          applied: settings.value.applyUnconfirmed,
        });
    });
    return () => {
      current = false;
    };
  }, [language]);

  const toggle = async (id: string, on: boolean) => {
    if (loaded.status !== 'ready' || save.kind === 'saving') return;
    const previous = loaded.applied;
    const applied = on ? [...previous.filter((other) => other !== id), id] : previous.filter((other) => other !== id);
    setLoaded({ ...loaded, applied });
    setSave({ kind: 'saving' });
    const response = await call('settings.save', { applyUnconfirmed: applied });
    if (response.ok) {
      setLoaded((current) => (current.status === 'ready' ? { ...current, applied: response.value.applyUnconfirmed } : current));
      setSave({ kind: 'saved' });
    } else {
      setLoaded((current) => (current.status === 'ready' ? { ...current, applied: previous } : current));
      setSave({ kind: 'failed', error: response.error });
    }
  };

  const label = (schedule: ScheduleSummary, lang: Language) => (
    <>
      <span className="schedule-choice__apply">{t('settings.unconfirmed.apply')}:</span>{' '}
      <span className="schedule-choice__title">{schedule.title}</span>{' '}
      <span className="schedule-choice__meta">
        {t('settings.unconfirmed.meta', {
          id: schedule.id,
          status: t(`scheduleStatus.${schedule.status}`),
          from: formatDate(schedule.effectiveFrom, lang),
          to: schedule.effectiveTo ? formatDate(schedule.effectiveTo, lang) : t('rates.noEnd'),
        })}
      </span>
    </>
  );

  return (
    <section className="settings-section" aria-labelledby="unconfirmed-title">
      <h2 id="unconfirmed-title" className="section-title">
        {t('settings.unconfirmed.title')}
      </h2>
      <p className="section-intro">{t('settings.unconfirmed.intro')}</p>
      {loaded.status === 'loading' && <p>{t('settings.unconfirmed.loading')}</p>}
      {loaded.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {t('settings.unconfirmed.loadFailed', { reason: t(`apiError.${loaded.error.code}`) })}
        </p>
      )}
      {loaded.status === 'ready' && (
        <>
          {loaded.schedules.length === 0 ? (
            <p className="notice">{t('settings.unconfirmed.none')}</p>
          ) : (
            <div className="schedule-choice" role="group" aria-labelledby="unconfirmed-title">
              {loaded.schedules.map((schedule) => (
                <CheckboxField
                  key={schedule.id}
                  id={`apply-${schedule.id}`}
                  label={label(schedule, language)}
                  checked={loaded.applied.includes(schedule.id)}
                  onChange={(on) => void toggle(schedule.id, on)}
                />
              ))}
            </div>
          )}
          {/* aria-live, not role="status": the profile form above owns the page's status line. */}
          <p aria-live="polite" className={`form__status form__status--${save.kind}`}>
            {save.kind === 'saving' && t('settings.unconfirmed.saving')}
            {save.kind === 'saved' && t('settings.unconfirmed.saved')}
            {save.kind === 'failed' &&
              t('settings.unconfirmed.saveFailed', { reason: t(`apiError.${save.error.code}`) })}
          </p>
        </>
      )}
    </section>
  );
}
