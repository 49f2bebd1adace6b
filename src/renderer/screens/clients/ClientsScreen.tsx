/**
 * Clients: a searchable list; the selected client's details (editable) and case history, with
 * the warning when an individual has imported for personal use more than once in twelve months.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client, ResultOf } from '../../../core/api/contract';
import { formatDate, formatMoney } from '../../../core/format';
import { call } from '../../api/client';
import { useLanguage } from '../../i18n';
import { caseHref } from '../cases/caseRoute';
import { ClientForm } from './ClientForm';
import '../../styles/workspace.css';

export function ClientsScreen() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [clients, setClients] = useState<Client[]>([]);
  const [selected, setSelected] = useState<Client | 'new' | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void call('clients.list', { ...(search.trim() ? { search: search.trim() } : {}), limit: 500 }).then((r) => {
        if (live && r.ok) setClients(r.value.items);
      });
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [search, reload]);

  return (
    <section className="workspace workspace--split" aria-labelledby="clients-title">
      <div className="workspace__list">
        <header className="workspace__head">
          <h1 id="clients-title">{t('clients.title')}</h1>
          <button type="button" className="button button--primary" onClick={() => setSelected('new')}>
            {t('clients.new')}
          </button>
        </header>
        <label className="filters__item">
          <span>{t('clients.search')}</span>
          <input className="input input--compact" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <ul className="picklist">
          {clients.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className="picklist__item"
                aria-current={selected !== 'new' && selected?.id === c.id ? 'true' : undefined}
                onClick={() => setSelected(c)}
              >
                <span className="picklist__name">{c.name}</span>
                <span className="picklist__meta">
                  {c.country} · {c.taxId}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {clients.length === 0 && <p className="workspace__empty">{t('clients.empty')}</p>}
      </div>
      <div className="workspace__detail">
        {selected === null && <p className="workspace__empty">{t('clients.pick')}</p>}
        {selected !== null && (
          <div className="panel">
            <h2 className="panel__title">{selected === 'new' ? t('clients.new') : selected.name}</h2>
            <ClientForm
              key={selected === 'new' ? 'new' : selected.id}
              client={selected === 'new' ? null : selected}
              onSaved={(c) => {
                setSelected(c);
                setReload((n) => n + 1);
              }}
            />
          </div>
        )}
        {selected !== null && selected !== 'new' && <ClientHistory id={selected.id} />}
      </div>
    </section>
  );
}

function ClientHistory({ id }: { id: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [history, setHistory] = useState<ResultOf<'clients.history'> | null>(null);
  useEffect(() => {
    let live = true;
    void call('clients.history', { id }).then((r) => {
      if (live && r.ok) setHistory(r.value);
    });
    return () => {
      live = false;
    };
  }, [id]);
  if (!history) return null;
  return (
    <div className="panel" aria-labelledby="client-history-title">
      <h2 id="client-history-title" className="panel__title">
        {t('clients.history')}
      </h2>
      {history.warnings.map((w) => (
        <p key={w.code} className="notice notice--warning" role="alert">
          {t('clients.repeatPersonal', { count: w.caseIds.length })} {w.message}
        </p>
      ))}
      {history.cases.length === 0 ? (
        <p className="workspace__empty">{t('clients.noCases')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('cases.field.number')}</th>
              <th>{t('cases.field.ruleDate')}</th>
              <th>{t('cases.field.status')}</th>
              <th className="table__num">{t('cases.field.vehicles')}</th>
              <th className="table__num">{t('cases.field.total')}</th>
            </tr>
          </thead>
          <tbody>
            {history.cases.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={caseHref(c.id)}>{c.number}</a>
                </td>
                <td>{formatDate(c.ruleDate, language)}</td>
                <td>{t(`cases.status.${c.status}`)}</td>
                <td className="table__num">{c.vehicleCount}</td>
                <td className="table__num">
                  {c.totals.map((x) => (
                    <div key={x.currency}>{formatMoney(x.amount, x.currency, language)}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
