/**
 * Create or edit a client. The backend checks the tax identifier by country and kind (ИИН/БИН,
 * ИНН, УНП with their control digits); its message is shown beside the field.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLIENT_KINDS, clientSaveSchema, type ApiError, type Client } from '../../../core/api/contract';
import { COUNTRIES, type Country } from '../../../core/rates/schema';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { fieldMessage } from '../../i18n/issues';

type Kind = (typeof CLIENT_KINDS)[number];
const TEXT_FIELDS = ['name', 'taxId', 'phone', 'email', 'address', 'notes'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

interface Props {
  client: Client | null;
  onSaved: (c: Client) => void;
  onCancel?: () => void;
}

export function ClientForm({ client, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>(client?.kind ?? 'individual');
  const [country, setCountry] = useState<Country>(client?.country ?? 'KZ');
  const [values, setValues] = useState<Record<TextField, string>>({
    name: client?.name ?? '',
    taxId: client?.taxId ?? '',
    phone: client?.phone ?? '',
    email: client?.email ?? '',
    address: client?.address ?? '',
    notes: client?.notes ?? '',
  });
  const [errors, setErrors] = useState<Partial<Record<TextField, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const args = { ...(client ? { id: client.id } : {}), kind, country, ...values };
    const local = clientSaveSchema.safeParse(args);
    if (!local.success) {
      setErrors(messages(local.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), code: i.code, message: '' }))));
      return;
    }
    const reply = await call('clients.save', local.data);
    if (reply.ok) {
      setErrors({});
      setFailure(null);
      setSaved(true);
      onSaved(reply.value);
      return;
    }
    setFailure(reply.error.issues?.length ? null : reply.error);
    setErrors(messages(reply.error.issues ?? []));
  };

  const messages = (issues: readonly { field: string; code: string; message: string }[]) => {
    const out: Partial<Record<TextField, string>> = {};
    for (const issue of issues) {
      const field = issue.field as TextField;
      if (!TEXT_FIELDS.includes(field)) continue;
      // The tax-id check names the exact problem (length, control digit, birth date) in the broker's language.
      if (issue.code === 'invalid-tax-id' && issue.message) out[field] = issue.message;
      else {
        const m = fieldMessage(issue, { phone: { invalid_format: 'validation.phone' } }, (f) => ({ name: 200, taxId: 40, phone: 40, email: 200, address: 500, notes: 2000 })[f]);
        out[field] = t(m.key, { max: m.max });
      }
    }
    return out;
  };

  const text = (field: TextField, multiline = false, required = false) => (
    <Field id={`client-${field}`} label={t(`clients.field.${field}`)} error={errors[field]} required={required}>
      {(p) =>
        multiline ? (
          <textarea {...p} className="input input--multiline" value={values[field]} onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />
        ) : (
          <input {...p} className="input" value={values[field]} onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />
        )
      }
    </Field>
  );

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form__row form__row--3">
        <SelectField id="client-kind" label={t('clients.field.kind')} required value={kind} options={CLIENT_KINDS} optionLabel={(k) => t(`clients.kind.${k}`)} onChange={setKind} />
        <SelectField id="client-country" label={t('clients.field.country')} required value={country} options={COUNTRIES} optionLabel={(c) => t(`country.${c}`)} onChange={setCountry} />
        {text('name', false, true)}
        {text('taxId', false, true)}
        {text('phone')}
        {text('email')}
      </div>
      {text('address')}
      {text('notes', true)}
      {failure && (
        <p className="notice notice--error" role="alert">
          {t(`apiError.${failure.code}`)}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {t('clients.save')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('cases.cancel')}
          </button>
        )}
        <span role="status" className="form__status form__status--saved">
          {saved ? t('clients.saved') : ''}
        </span>
      </div>
    </form>
  );
}
