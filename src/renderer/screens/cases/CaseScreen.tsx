/**
 * One case (`#/cases/<id>`): its header, the vehicle grid with the explanation of the selected
 * row beside it, and the footer with counts, totals and the save indicator. Everything typed is
 * saved within SAVE_DELAY_MS, and at once when the grid loses focus or the page is hidden.
 */
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, type ApiError, type CaseStatus, type CaseSummary } from '../../../core/api/contract';
import { formatDate } from '../../../core/format';
import { summarise } from '../../../core/grid';
import { call } from '../../api/client';
import { CaseGrid } from '../../grid/CaseGrid';
import { CaseStore, type GridRow } from '../../grid/caseStore';
import { ExplainPane } from '../../grid/ExplainPane';
import { GridFooter } from '../../grid/GridFooter';
import { preloadLocalEngine, useLocalEngine } from '../../grid/rateBundle';
import { useLanguage } from '../../i18n';
import { ExportButtons, TemplateButton } from '../export/ExportButtons';
import { ImportDialog } from '../import/ImportDialog';
import { StatementsPanel } from '../statements/StatementsPanel';
import '../../styles/grid.css';

export function CaseScreen({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<{ kase: CaseSummary; store: CaseStore } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Bumped after an import or a statement changed the case on the server: reload it.
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    // The rate data serves only the feedback while typing: it is fetched and compiled while the
    // rows are on their way, not after the grid is shown (where it held up the first keystroke).
    preloadLocalEngine();
    void Promise.all([call('cases.get', { id: caseId }), call('vehicles.listCompact', { caseId })]).then(([kase, rows]) => {
      if (!live) return;
      if (!kase.ok) return setError(kase.error);
      if (!rows.ok) return setError(rows.error);
      setLoaded({ kase: kase.value, store: new CaseStore(caseId, kase.value, rows.value) });
    });
    return () => {
      live = false;
    };
  }, [caseId, version]);

  if (error) {
    return (
      <p className="notice notice--error" role="alert">
        {t(`apiError.${error.code}`)}
      </p>
    );
  }
  if (!loaded) return <p className="workspace__loading">{t('cases.loading')}</p>;
  return <LoadedCase key={version} initial={loaded.kase} store={loaded.store} onReload={reload} />;
}

function LoadedCase({ initial, store, onReload }: { initial: CaseSummary; store: CaseStore; onReload: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const engine = useLocalEngine();
  const [kase, setKase] = useState(initial);
  const [activeRow, setActiveRow] = useState<GridRow | null>(null);
  const [status, setStatus] = useState('');
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);

  useEffect(() => store.setEngine(engine, language), [store, engine, language]);
  useEffect(() => store.setCase(kase), [store, kase]);

  useEffect(() => {
    const flush = () => void store.flush();
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      flush();
      if (store.hasUnsaved) e.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [store]);

  const summary = useMemo(() => summarise(snapshot.rows.map((r) => r.result)), [snapshot.rows]);
  const onActiveRow = useCallback((row: GridRow | null) => setActiveRow(row), []);
  const onStatus = useCallback((text: string) => setStatus(text), []);

  const setCaseStatus = async (next: CaseStatus) => {
    const reply = await call('cases.update', { id: kase.id, status: next });
    if (reply.ok) setKase(reply.value);
  };

  return (
    <section className="case" aria-labelledby="case-title">
      <header className="case__head">
        <a className="case__back" href="#/cases">
          {t('cases.back')}
        </a>
        <h1 id="case-title" className="case__title">
          {t('cases.caseTitle', { number: kase.number })}
        </h1>
        <span className="case__meta">{kase.clientName}</span>
        <span className="case__meta">{t(`country.${kase.country}`)}</span>
        <span className="case__meta">{t('cases.ruleDateShort', { date: formatDate(kase.ruleDate, language) })}</span>
        {kase.reference && <span className="case__meta">{kase.reference}</span>}
        <label className="case__status">
          <span>{t('cases.field.status')}</span>
          <select className="input input--compact" value={kase.status} onChange={(e) => void setCaseStatus(e.target.value as CaseStatus)}>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="case__body">
        <CaseGrid store={store} snapshot={snapshot} language={language} onActiveRow={onActiveRow} onStatus={onStatus} />
        <ExplainPane row={activeRow} language={language} />
      </div>
      <p className="case__statusline" role="status" aria-live="polite">
        {status}
      </p>
      <GridFooter summary={summary} save={snapshot.save} language={language} />
      <div className="case__tools">
        <details className="case__panel">
          <summary>{t('cases.tools.import')}</summary>
          <ImportDialog caseId={kase.id} clientId={kase.clientId} onImported={onReload} />
        </details>
        <details className="case__panel">
          <summary>{t('cases.tools.export')}</summary>
          <ExportButtons caseId={kase.id} />
          <TemplateButton />
        </details>
        <details className="case__panel">
          <summary>{t('cases.tools.statements')}</summary>
          <StatementsPanel caseId={kase.id} beforeIssue={() => store.flush()} onCaseChanged={onReload} />
        </details>
      </div>
    </section>
  );
}
