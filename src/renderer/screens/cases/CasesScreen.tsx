/**
 * The broker's cases: search (client, VIN, reference, number), filters (status, country, rule
 * dates, archived), sorting and pages; a new case, a copy of one, archiving. `#/cases/<id>` opens
 * the case's grid.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { CASE_STATUSES, type ApiError, type CaseStatus, type CaseSummary } from '../../../core/api/contract';
import { formatDate, formatMoney } from '../../../core/format';
import { COUNTRIES, type Country } from '../../../core/rates/schema';
import { call } from '../../api/client';
import { useLanguage } from '../../i18n';
import { CaseScreen } from './CaseScreen';
import { caseHref, openCase, useOpenCaseId } from './caseRoute';
import { NewCaseForm } from './NewCaseForm';
import '../../styles/workspace.css';

const PAGE = 50;
type SortKey = 'updated' | 'created' | 'number' | 'client';

export function CasesScreen() {
  const openId = useOpenCaseId();
  if (openId !== null) return <CaseScreen key={openId} caseId={openId} />;
  return <CasesList />;
}

function CasesList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<CaseStatus | ''>('');
  const [country, setCountry] = useState<Country | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [archived, setArchived] = useState(false);
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'updated', dir: 'desc' });
  const [page, setPage] = useState(0);
  const [list, setList] = useState<{ items: CaseSummary[]; total: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [creating, setCreating] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      void call('cases.list', {
        ...(search.trim() ? { search: search.trim() } : {}),
        ...(status ? { status } : {}),
        ...(country ? { country } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
        archived,
        sort: sort.key,
        dir: sort.dir,
        limit: PAGE,
        offset: page * PAGE,
      }).then((reply) => {
        if (!live) return;
        if (reply.ok) {
          setList(reply.value);
          setError(null);
        } else setError(reply.error);
      });
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [search, status, country, from, to, archived, sort, page, reload]);

  const refresh = useCallback(() => setReload((n) => n + 1), []);

  const duplicate = async (id: number) => {
    const reply = await call('cases.duplicate', { id });
    if (reply.ok) openCase(reply.value.id);
    else setError(reply.error);
  };
  const archive = async (c: CaseSummary) => {
    const reply = await call('cases.archive', { id: c.id, archived: !c.archived });
    if (reply.ok) refresh();
    else setError(reply.error);
  };

  const sortHeader = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="table__sort"
          onClick={() => setSort(active ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'client' || key === 'number' ? 'asc' : 'desc' })}
        >
          {label}
          {active && <span aria-hidden="true">{sort.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        </button>
      </th>
    );
  };

  const pages = list ? Math.max(1, Math.ceil(list.total / PAGE)) : 1;

  return (
    <section className="workspace" aria-labelledby="cases-title">
      <header className="workspace__head">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>
          {t('cases.new')}
        </button>
      </header>
      {creating && (
        <NewCaseForm
          onCancel={() => setCreating(false)}
          onCreated={(c) => openCase(c.id)}
        />
      )}
      <div className="filters" role="search">
        <label className="filters__item filters__item--grow">
          <span>{t('cases.search')}</span>
          <input className="input input--compact" type="search" value={search} placeholder={t('cases.searchHint')} onChange={(e) => { setSearch(e.target.value); setPage(0); }} />
        </label>
        <label className="filters__item">
          <span>{t('cases.field.status')}</span>
          <select className="input input--compact" value={status} onChange={(e) => { setStatus(e.target.value as CaseStatus | ''); setPage(0); }}>
            <option value="">{t('cases.any')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__item">
          <span>{t('cases.field.country')}</span>
          <select className="input input--compact" value={country} onChange={(e) => { setCountry(e.target.value as Country | ''); setPage(0); }}>
            <option value="">{t('cases.any')}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`country.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="filters__item">
          <span>{t('cases.from')}</span>
          <DateInput className="input input--compact" language={language} value={from} onChange={(iso) => { setFrom(iso); setPage(0); }} />
        </label>
        <label className="filters__item">
          <span>{t('cases.to')}</span>
          <DateInput className="input input--compact" language={language} value={to} onChange={(iso) => { setTo(iso); setPage(0); }} />
        </label>
        <label className="filters__check">
          <input type="checkbox" checked={archived} onChange={(e) => { setArchived(e.target.checked); setPage(0); }} />
          <span>{t('cases.showArchived')}</span>
        </label>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {t(`apiError.${error.code}`)}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            {sortHeader('number', t('cases.field.number'))}
            {sortHeader('client', t('cases.field.client'))}
            <th>{t('cases.field.country')}</th>
            <th>{t('cases.field.ruleDate')}</th>
            <th>{t('cases.field.reference')}</th>
            <th>{t('cases.field.status')}</th>
            <th className="table__num">{t('cases.field.vehicles')}</th>
            <th className="table__num">{t('cases.field.total')}</th>
            {sortHeader('updated', t('cases.field.updated'))}
            <th>
              <span className="visually-hidden">{t('cases.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list?.items.map((c) => (
            <tr key={c.id} className={c.archived ? 'table__row--muted' : undefined}>
              <td>
                <a href={caseHref(c.id)}>{c.number}</a>
              </td>
              <td>{c.clientName}</td>
              <td>{c.country}</td>
              <td>{formatDate(c.ruleDate, language)}</td>
              <td>{c.reference}</td>
              <td>
                <span className={`badge badge--case-${c.status}`}>{t(`cases.status.${c.status}`)}</span>
                {c.archived && <span className="badge">{t('cases.archived')}</span>}
              </td>
              <td className="table__num">
                {c.vehicleCount}
                {c.errorCount > 0 && <span className="table__errors" title={t('grid.footer.errors', { count: c.errorCount })}> · {c.errorCount}</span>}
              </td>
              <td className="table__num">
                {c.totals.map((x) => (
                  <div key={x.currency}>{formatMoney(x.amount, x.currency, language)}</div>
                ))}
              </td>
              <td>{formatDate(c.updatedAt.slice(0, 10), language)}</td>
              <td className="table__actions">
                <button type="button" className="button button--small" onClick={() => void duplicate(c.id)}>
                  {t('cases.duplicate')}
                </button>
                <button type="button" className="button button--small" onClick={() => void archive(c)}>
                  {c.archived ? t('cases.unarchive') : t('cases.archive')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list && list.items.length === 0 && <p className="workspace__empty">{t('cases.empty')}</p>}
      {list && list.total > PAGE && (
        <nav className="pager" aria-label={t('cases.pages')}>
          <button type="button" className="button button--small" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
            {t('cases.prev')}
          </button>
          <span>{t('cases.page', { page: page + 1, pages })}</span>
          <button type="button" className="button button--small" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
            {t('cases.next')}
          </button>
        </nav>
      )}
    </section>
  );
}
