/**
 * The fee statements of one case, for mounting in the case screen: issue a statement in a chosen
 * language, see the issued ones, preview one exactly as it prints (the stored HTML in a fully
 * sandboxed iframe), print it, cancel it with a reason, issue a corrected one, and compare it with
 * the current rate data. Every action goes through the API; nothing here decides a fee or a word
 * of the statement.
 *
 * `beforeIssue` lets the case screen save pending grid edits first (its store's flush), so a
 * statement is never issued from data the broker has typed but not yet saved. `onCaseChanged`
 * tells it the case's status changed (issued, or back to draft after a cancel).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type ApiError, type Language, type StatementDiff, type StatementSummary } from '../../../core/api/contract';
import { formatDate, formatMoney } from '../../../core/format';
import { call } from '../../api/client';
import { useLanguage } from '../../i18n';
import { printStatementHtml } from './printStatement';
import { LANGUAGE_LABELS } from '../../app/languages';
import './statements.css';

export interface StatementsPanelProps {
  caseId: number;
  beforeIssue?: () => Promise<void>;
  onCaseChanged?: () => void;
}

/** Refusals the broker can act on, by the issue code the service gives; they say what to do. */
const REFUSALS = ['vehicle-has-errors', 'no-profile', 'no-vehicles', 'already-cancelled', 'already-replaced'] as const;
type Refusal = (typeof REFUSALS)[number];
const isRefusal = (code: string | undefined): code is Refusal => (REFUSALS as readonly (string | undefined)[]).includes(code);

export function StatementsPanel({ caseId, beforeIssue, onCaseChanged }: StatementsPanelProps) {
  const { t } = useTranslation();
  const refusal = (e: ApiError): string => {
    const code = e.issues?.[0]?.code;
    return isRefusal(code) ? t(`statements.refused.${code}`) : t(`apiError.${e.code}`);
  };
  const ui = useLanguage();
  const [items, setItems] = useState<StatementSummary[]>([]);
  const [selected, setSelected] = useState<StatementSummary | null>(null);
  const [doc, setDoc] = useState<{ key: string; html: string } | null>(null);
  const [diff, setDiff] = useState<StatementDiff | null>(null);
  const [language, setLanguage] = useState<Language>(ui);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const apply = useCallback((reply: Awaited<ReturnType<typeof call<'statements.list'>>>, select?: number) => {
    if (!reply.ok) return setError(reply.error);
    setItems(reply.value);
    if (select !== undefined) setSelected(reply.value.find((s) => s.id === select) ?? null);
  }, []);

  const reload = async (select?: number) => apply(await call('statements.list', { caseId }), select);

  useEffect(() => {
    let live = true;
    void call('statements.list', { caseId }).then((reply) => live && apply(reply));
    return () => {
      live = false;
    };
  }, [caseId, apply]);

  // The preview is the stored document, fetched again when the selection or its state changes
  // (a cancelled statement prints with its mark).
  const previewKey = selected ? `${selected.id}:${selected.cancelledAt ?? ''}` : null;
  useEffect(() => {
    if (!selected || previewKey === null) return;
    let live = true;
    void call('statements.html', { id: selected.id }).then((reply) => {
      if (!live) return;
      if (reply.ok) setDoc({ key: previewKey, html: reply.value.html });
      else setError(reply.error);
    });
    return () => {
      live = false;
    };
  }, [selected, previewKey]);
  const html = doc !== null && doc.key === previewKey ? doc.html : null;

  /** Runs one action with the panel locked, reporting its error or its success line. */
  const act = async <T,>(run: () => Promise<{ ok: true; value: T } | { ok: false; error: ApiError }>, done: (value: T) => Promise<void> | void) => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const reply = await run();
      if (!reply.ok) setError(reply.error);
      else await done(reply.value);
    } finally {
      setBusy(false);
    }
  };

  const issue = () =>
    act(
      async () => {
        await beforeIssue?.();
        return call('statements.issue', { caseId, language });
      },
      async (s) => {
        setStatus(t('statements.issued', { number: s.number }));
        await reload(s.id);
        onCaseChanged?.();
      },
    );

  const cancel = (s: StatementSummary) =>
    act(
      () => call('statements.cancel', { id: s.id, reason: reason.trim() }),
      async (c) => {
        setReason('');
        setStatus(t('statements.cancelDone', { number: c.number }));
        await reload(c.id);
        onCaseChanged?.();
      },
    );

  const reissue = (s: StatementSummary) =>
    act(
      async () => {
        await beforeIssue?.();
        return call('statements.reissue', { id: s.id });
      },
      async (n) => {
        setStatus(t('statements.reissued', { number: n.number }));
        await reload(n.id);
        onCaseChanged?.();
      },
    );

  const compare = (s: StatementSummary) => act(() => call('statements.diff', { id: s.id }), (d) => setDiff(d));

  return (
    <section className="statements" aria-labelledby="statements-title">
      <h2 id="statements-title">{t('statements.heading')}</h2>

      <div className="statements__issue">
        <label className="field">
          <span className="field__label">{t('statements.language')}</span>
          <select className="input" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_LABELS[l].native}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void issue()}>
          {busy ? t('statements.issuing') : t('statements.issue')}
        </button>
      </div>

      {error && (
        <div className="notice notice--error" role="alert">
          {/* A refusal the broker can act on says what to do; anything else gets the general text. */}
          <p>{refusal(error)}</p>
          {error.issues && error.issues.length > 0 && (
            <ul>
              {error.issues.slice(0, 10).map((issue) => (
                <li key={`${issue.field}-${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>

      {items.length === 0 ? (
        <p>{t('statements.none')}</p>
      ) : (
        <table className="statements__table" aria-label={t('statements.list')}>
          <thead>
            <tr>
              <th scope="col">{t('statements.number')}</th>
              <th scope="col">{t('statements.date')}</th>
              <th scope="col">{t('statements.language')}</th>
              <th scope="col">{t('statements.total')}</th>
              <th scope="col">{t('statements.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('statements.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className={selected?.id === s.id ? 'statements__row--selected' : undefined}>
                <td>{s.number}</td>
                <td>{formatDate(s.issueDate, ui)}</td>
                <td>{LANGUAGE_LABELS[s.language].native}</td>
                <td className="num">{s.totals.map((x) => formatMoney(x.amount, x.currency, ui)).join('; ')}</td>
                <td>
                  {s.cancelledAt ? <span className="statements__cancelled">{t('statements.cancelled')}</span> : t('statements.active')}
                  {s.replaces && <div>{t('statements.replaces', { number: s.replaces.number })}</div>}
                  {s.replacedBy && <div>{t('statements.replacedBy', { number: s.replacedBy.number })}</div>}
                </td>
                <td>
                  <button type="button" className="button" onClick={() => setSelected(s)} aria-label={`${t('statements.open')} ${s.number}`}>
                    {t('statements.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {selected && (
        <div className="statements__preview">
          <h3>{t('statements.preview', { number: selected.number })}</h3>
          <p>
            {t('statements.code')}: <span className="statements__hash">{selected.shortHash}</span> · {t('statements.vehicles', { n: selected.vehicleCount })}
          </p>
          <div className="statements__actions">
            <button type="button" className="button" disabled={!html} onClick={() => html && void printStatementHtml(html)}>
              {t('statements.print')}
            </button>
            {/* The desktop app saves a PDF itself; in a browser, "Save as PDF" is a printer in Print. */}
            {window.tamgaFiles?.saveStatementPdf && (
              <button type="button" className="button" onClick={() => void window.tamgaFiles?.saveStatementPdf?.(selected.id)}>
                {t('statements.savePdf')}
              </button>
            )}
            <button type="button" className="button" disabled={busy} onClick={() => void compare(selected)}>
              {t('statements.diff')}
            </button>
            {!selected.replacedBy && (
              <button type="button" className="button" disabled={busy} onClick={() => void reissue(selected)}>
                {t('statements.reissue')}
              </button>
            )}
            {!selected.cancelledAt && (
              <>
                <label className="field">
                  <span className="field__label">{t('statements.cancelReason')}</span>
                  <input className="input" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                </label>
                <button type="button" className="button" disabled={busy || reason.trim() === ''} onClick={() => void cancel(selected)}>
                  {t('statements.cancelConfirm')}
                </button>
              </>
            )}
          </div>

          {diff && diff.statementId === selected.id && <DiffTable diff={diff} language={ui} />}

          {html && <iframe className="statements__frame" title={t('statements.preview', { number: selected.number })} sandbox="" srcDoc={html} />}
        </div>
      )}
    </section>
  );
}

function DiffTable({ diff, language }: { diff: StatementDiff; language: Language }) {
  const { t } = useTranslation();
  if (diff.changedCount === 0) return <p role="status">{t('statements.diffNone')}</p>;
  return (
    <table className="statements__table" aria-label={t('statements.diffHeading')}>
      <caption>{t('statements.diffHeading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('statements.line')}</th>
          <th scope="col">{t('statements.vin')}</th>
          <th scope="col">{t('statements.oldFee')}</th>
          <th scope="col">{t('statements.newFee')}</th>
        </tr>
      </thead>
      <tbody>
        {diff.rows
          .filter((r) => r.changed)
          .map((r) => (
            <tr key={r.line}>
              <td className="num">{r.line}</td>
              <td>{r.vin}</td>
              <td className="num">{formatMoney(r.oldFee, r.currency, language)}</td>
              <td className="num statements__changed">{r.newFee !== null && r.newCurrency !== null ? formatMoney(r.newFee, r.newCurrency, language) : `${t('statements.noRate')}: ${r.error ?? ''}`}</td>
            </tr>
          ))}
      </tbody>
      <tfoot>
        {diff.totals.map((x) => (
          <tr key={x.currency}>
            <td colSpan={2}>{t('statements.total')}</td>
            <td className="num">{formatMoney(x.old, x.currency, language)}</td>
            <td className="num statements__changed">{formatMoney(x.new, x.currency, language)}</td>
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
