/** A new case: pick a client (or create one on the spot), the country, the rule date and a reference. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import type { ApiError, CaseSummary, Client } from '../../../core/api/contract';
import { COUNTRIES, type Country } from '../../../core/rates/schema';
import { call } from '../../api/client';
import { todayIso } from '../../app/today';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useLanguage } from '../../i18n';
import { ClientForm } from '../clients/ClientForm';

export function NewCaseForm({ onCreated, onCancel }: { onCreated: (c: CaseSummary) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [clients, setClients] = useState<Client[]>([]);
  const [clientId, setClientId] = useState<number | ''>('');
  const [newClient, setNewClient] = useState(false);
  const [country, setCountry] = useState<Country>('KZ');
  const [ruleDate, setRuleDate] = useState(todayIso());
  const [reference, setReference] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    void call('clients.list', { limit: 1000 }).then((r) => {
      if (r.ok) setClients(r.value.items);
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (clientId === '') return;
    const reply = await call('cases.create', { clientId, country, ruleDate, ...(reference.trim() ? { reference: reference.trim() } : {}) });
    if (reply.ok) onCreated(reply.value);
    else setError(reply.error);
  };

  if (newClient) {
    return (
      <div className="panel">
        <h2 className="panel__title">{t('clients.new')}</h2>
        <ClientForm
          client={null}
          onSaved={(c) => {
            setClients((list) => [...list, c]);
            setClientId(c.id);
            setCountry(c.country);
            setNewClient(false);
          }}
          onCancel={() => setNewClient(false)}
        />
      </div>
    );
  }

  return (
    <form className="panel form" onSubmit={(e) => void submit(e)} aria-labelledby="new-case-title">
      <h2 id="new-case-title" className="panel__title">
        {t('cases.new')}
      </h2>
      <div className="form__row form__row--3">
        <Field id="new-case-client" label={t('cases.field.client')} required>
          {(p) => (
            <div className="inline">
              <select {...p} className="input" value={clientId} onChange={(e) => {
                const id = e.target.value === '' ? '' : Number(e.target.value);
                setClientId(id);
                const c = clients.find((x) => x.id === id);
                if (c) setCountry(c.country);
              }}>
                <option value="">{t('cases.pickClient')}</option>
                {clients.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} · {c.taxId}
                  </option>
                ))}
              </select>
              <button type="button" className="button" onClick={() => setNewClient(true)}>
                {t('clients.new')}
              </button>
            </div>
          )}
        </Field>
        <SelectField id="new-case-country" label={t('cases.field.country')} required value={country} options={COUNTRIES} optionLabel={(c) => t(`country.${c}`)} onChange={setCountry} />
        <Field id="new-case-date" label={t('cases.field.ruleDate')} hint={t('cases.ruleDateHint')} required>
          {(p) => <DateInput {...p} language={language} value={ruleDate} onChange={setRuleDate} />}
        </Field>
        <Field id="new-case-reference" label={t('cases.field.reference')}>
          {(p) => <input {...p} className="input" value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} />}
        </Field>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {t(`apiError.${error.code}`)}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={clientId === ''}>
          {t('cases.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}
