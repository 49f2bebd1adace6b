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
import { STATEMENT_TEXTS } from './texts';
import './statements.css';

export interface StatementsPanelProps {
  caseId: number;
  beforeIssue?: () => Promise<void>;
  onCaseChanged?: () => void;
}

export function StatementsPanel({ caseId, beforeIssue, onCaseChanged }: StatementsPanelProps) {
  const { t } = useTranslation();
  const ui = useLanguage();
  const T = STATEMENT_TEXTS[ui];
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
        setStatus(T.issued(s.number));
        await reload(s.id);
        onCaseChanged?.();
      },
    );

  const cancel = (s: StatementSummary) =>
    act(
      () => call('statements.cancel', { id: s.id, reason: reason.trim() }),
      async (c) => {
        setReason('');
        setStatus(T.cancelDone(c.number));
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
        setStatus(T.reissued(n.number));
        await reload(n.id);
        onCaseChanged?.();
      },
    );

  const compare = (s: StatementSummary) => act(() => call('statements.diff', { id: s.id }), (d) => setDiff(d));

  return (
    <section className="statements" aria-labelledby="statements-title">
      <h2 id="statements-title">{T.heading}</h2>

      <div className="statements__issue">
        <label className="field">
          <span className="field__label">{T.language}</span>
          <select className="input" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {T.languages[l]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void issue()}>
          {busy ? T.issuing : T.issue}
        </button>
      </div>

      {error && (
        <div className="notice notice--error" role="alert">
          {/* A refusal the broker can act on says what to do; anything else gets the general text. */}
          <p>{T.refused[error.issues?.[0]?.code ?? ''] ?? t(`apiError.${error.code}`)}</p>
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
        <p>{T.none}</p>
      ) : (
        <table className="statements__table" aria-label={T.list}>
          <thead>
            <tr>
              <th scope="col">{T.number}</th>
              <th scope="col">{T.date}</th>
              <th scope="col">{T.language}</th>
              <th scope="col">{T.total}</th>
              <th scope="col">{T.state}</th>
              <th scope="col">
                <span className="visually-hidden">{T.open}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id} className={selected?.id === s.id ? 'statements__row--selected' : undefined}>
                <td>{s.number}</td>
                <td>{formatDate(s.issueDate, ui)}</td>
                <td>{T.languages[s.language]}</td>
                <td className="num">{s.totals.map((x) => formatMoney(x.amount, x.currency, ui)).join('; ')}</td>
                <td>
                  {s.cancelledAt ? <span className="statements__cancelled">{T.cancelled}</span> : T.active}
                  {s.replaces && <div>{T.replaces(s.replaces.number)}</div>}
                  {s.replacedBy && <div>{T.replacedBy(s.replacedBy.number)}</div>}
                </td>
                <td>
                  <button type="button" className="button" onClick={() => setSelected(s)} aria-label={`${T.open} ${s.number}`}>
                    {T.open}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {selected && (
        <div className="statements__preview">
          <h3>{T.preview(selected.number)}</h3>
          <p>
            {T.code}: <span className="statements__hash">{selected.shortHash}</span> · {T.vehicles(selected.vehicleCount)}
          </p>
          <div className="statements__actions">
            <button type="button" className="button" disabled={!html} onClick={() => html && void printStatementHtml(html)}>
              {T.print}
            </button>
            {/* The desktop app saves a PDF itself; in a browser, "Save as PDF" is a printer in Print. */}
            {window.tamgaFiles?.saveStatementPdf && (
              <button type="button" className="button" onClick={() => void window.tamgaFiles?.saveStatementPdf?.(selected.id)}>
                {T.savePdf}
              </button>
            )}
            <button type="button" className="button" disabled={busy} onClick={() => void compare(selected)}>
              {T.diff}
            </button>
            {!selected.replacedBy && (
              <button type="button" className="button" disabled={busy} onClick={() => void reissue(selected)}>
                {T.reissue}
              </button>
            )}
            {!selected.cancelledAt && (
              <>
                <label className="field">
                  <span className="field__label">{T.cancelReason}</span>
                  <input className="input" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                </label>
                <button type="button" className="button" disabled={busy || reason.trim() === ''} onClick={() => void cancel(selected)}>
                  {T.cancelConfirm}
                </button>
              </>
            )}
          </div>

          {diff && diff.statementId === selected.id && <DiffTable diff={diff} language={ui} />}

          {html && <iframe className="statements__frame" title={T.preview(selected.number)} sandbox="" srcDoc={html} />}
        </div>
      )}
    </section>
  );
}

function DiffTable({ diff, language }: { diff: StatementDiff; language: Language }) {
  const T = STATEMENT_TEXTS[language];
  if (diff.changedCount === 0) return <p role="status">{T.diffNone}</p>;
  return (
    <table className="statements__table" aria-label={T.diffHeading}>
      <caption>{T.diffHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{T.line}</th>
          <th scope="col">{T.vin}</th>
          <th scope="col">{T.oldFee}</th>
          <th scope="col">{T.newFee}</th>
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
              <td className="num statements__changed">{r.newFee !== null && r.newCurrency !== null ? formatMoney(r.newFee, r.newCurrency, language) : `${T.noRate}: ${r.error ?? ''}`}</td>
            </tr>
          ))}
      </tbody>
      <tfoot>
        {diff.totals.map((x) => (
          <tr key={x.currency}>
            <td colSpan={2}>{T.total}</td>
            <td className="num">{formatMoney(x.old, x.currency, language)}</td>
            <td className="num statements__changed">{formatMoney(x.new, x.currency, language)}</td>
          </tr>
        ))}
      </tfoot>
    </table>
  );
}
