import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type ApiError, type Profile } from '../../../core/api/contract';
import { COUNTRIES } from '../../../core/rates/schema';
import { LANGUAGE_LABELS } from '../../app/languages';
import { useProfile } from '../../app/ProfileContext';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useLanguage } from '../../i18n';
import { UnconfirmedSchedules } from './UnconfirmedSchedules';
import { BackupsSection } from './BackupsSection';
import {
  PROFILE_FIELDS,
  emptyProfile,
  sortIssues,
  validateProfile,
  type FieldErrors,
  type ProfileField,
} from './profileForm';

/** The broker's profile: loaded once, then edited in ProfileForm. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { state, reload } = useProfile();
  const language = useLanguage();

  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title" className="screen__title">
        {t('settings.title')}
      </h1>
      <p className="screen__intro">{t('settings.intro')}</p>
      {state.status === 'loading' && <p role="status">{t('settings.loading')}</p>}
      {state.status === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>{t('settings.loadFailed', { reason: t(`apiError.${state.error.code}`) })}</p>
          <button type="button" className="button" onClick={reload}>
            {t('settings.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && (
        <ProfileForm
          initial={state.profile ?? emptyProfile(language)}
          isFirst={state.profile === null}
        />
      )}
      <UnconfirmedSchedules />
      <BackupsSection />
    </section>
  );
}

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'invalid' }
  | { kind: 'failed'; error: ApiError };

interface ProfileFormProps {
  initial: Profile;
  isFirst: boolean;
}

function ProfileForm({ initial, isFirst }: ProfileFormProps) {
  const { t } = useTranslation();
  const { save } = useProfile();
  const language = useLanguage();
  const [values, setValues] = useState<Profile>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);

  // The frame's switch changes the language outside this form; the form's field follows it so a
  // later save does not switch the interface back.
  const [seenLanguage, setSeenLanguage] = useState(language);
  if (language !== seenLanguage) {
    setSeenLanguage(language);
    setValues((current) => ({ ...current, language }));
  }

  const update = <F extends ProfileField>(field: F, value: Profile[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
    if (status.kind === 'saved') setStatus({ kind: 'idle' });
  };

  const focusFirstInvalid = (fieldErrors: FieldErrors) => {
    const first = PROFILE_FIELDS.find((field) => fieldErrors[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`#profile-${first}`)?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (status.kind === 'saving') return;
    const checked = validateProfile(values);
    if (!checked.ok) {
      const { fields } = sortIssues(checked.issues);
      setErrors(fields);
      setStatus({ kind: 'invalid' });
      focusFirstInvalid(fields);
      return;
    }
    setErrors({});
    setStatus({ kind: 'saving' });
    const response = await save(checked.profile);
    if (response.ok) {
      setValues(response.value);
      setStatus({ kind: 'saved' });
      return;
    }
    const { fields, unplaced } = sortIssues(response.error.issues ?? []);
    setErrors(fields);
    const placedAll = Object.keys(fields).length > 0 && unplaced.length === 0;
    setStatus(placedAll ? { kind: 'invalid' } : { kind: 'failed', error: response.error });
    focusFirstInvalid(fields);
  };

  const errorText = (field: ProfileField): string | undefined => {
    const message = errors[field];
    if (!message) return undefined;
    return message.max === undefined ? t(message.key) : t(message.key, { max: message.max });
  };

  const text = (
    field: 'brokerName' | 'licenseNumber' | 'address' | 'phone',
    extra?: { type?: string; autoComplete?: string },
  ) => (
    <Field
      id={`profile-${field}`}
      label={t(`settings.field.${field}`)}
      hint={field === 'phone' ? t('settings.hint.phone') : undefined}
      error={errorText(field)}
      required={field === 'brokerName'}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          type={extra?.type ?? 'text'}
          autoComplete={extra?.autoComplete ?? 'off'}
          value={values[field]}
          onChange={(event) => update(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
      {isFirst && status.kind !== 'saved' && <p className="notice">{t('settings.noProfileYet')}</p>}
      <p className="form__legend" aria-hidden="true">
        * {t('settings.requiredMark')}
      </p>
      {text('brokerName', { autoComplete: 'organization' })}
      {text('licenseNumber')}
      {text('address', { autoComplete: 'street-address' })}
      {text('phone', { type: 'tel', autoComplete: 'tel' })}
      <Field
        id="profile-footerText"
        label={t('settings.field.footerText')}
        hint={t('settings.hint.footerText')}
        error={errorText('footerText')}
      >
        {(control) => (
          <textarea
            {...control}
            className="input input--multiline"
            rows={4}
            value={values.footerText}
            onChange={(event) => update('footerText', event.target.value)}
          />
        )}
      </Field>
      <div className="form__row">
        <SelectField
          id="profile-defaultCountry"
          label={t('settings.field.defaultCountry')}
          error={errorText('defaultCountry')}
          value={values.defaultCountry}
          options={COUNTRIES}
          optionLabel={(country) => t(`country.${country}`)}
          onChange={(country) => update('defaultCountry', country)}
        />
        <Field id="profile-language" label={t('settings.field.language')} error={errorText('language')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={values.language}
              onChange={(event) => update('language', event.target.value as Profile['language'])}
            >
              {LANGUAGES.map((option) => (
                <option key={option} value={option} lang={option}>
                  {LANGUAGE_LABELS[option].native}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
        <button type="submit" className="button button--primary" aria-disabled={status.kind === 'saving'}>
          {status.kind === 'saving' ? t('settings.saving') : t('settings.save')}
        </button>
        <p role="status" className={`form__status form__status--${status.kind}`}>
          {status.kind === 'saved' && t('settings.saved')}
          {status.kind === 'invalid' && t('settings.invalid')}
          {status.kind === 'failed' &&
            t('settings.saveFailed', { reason: t(`apiError.${status.error.code}`) })}
        </p>
      </div>
    </form>
  );
}
