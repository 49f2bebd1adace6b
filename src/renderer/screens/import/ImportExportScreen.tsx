import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../core/api/contract';
import { call } from '../../api/client';
import { ExportButtons, TemplateButton } from '../export/ExportButtons';
import { ImportDialog } from './ImportDialog';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const caseIdFromHash = () => {
  const m = /^#\/import\/(\d+)/.exec(window.location.hash);
  return m ? Number(m[1]) : null;
};

/**
 * `#/import/<caseId>`: import into and export from one case, until the case screen mounts the
 * same components itself; `#/import` lets the broker pick the case.
 */
export function ImportExportScreen() {
  const { t } = useTranslation();
  const caseId = useSyncExternalStore(subscribe, caseIdFromHash);
  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [kase, setKase] = useState<CaseSummary | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void call('cases.list', { limit: 200 }).then((r) => r.ok && setCases(r.value.items));
  }, []);
  useEffect(() => {
    if (caseId !== null) void call('cases.get', { id: caseId }).then((r) => setKase(r.ok ? r.value : null));
  }, [caseId, version]);
  const shown = kase !== null && kase.id === caseId ? kase : null;

  return (
    <section className="screen" aria-labelledby="import-screen-title">
      <h1 id="import-screen-title" className="screen__title">
        {t('importExport.title')}
      </h1>
      <label>
        {t('importExport.case')}{' '}
        <select value={caseId ?? ''} onChange={(e) => { window.location.hash = e.target.value === '' ? '#/import' : `#/import/${e.target.value}`; }}>
          <option value="">—</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.number} — {c.clientName}
            </option>
          ))}
        </select>
      </label>
      <TemplateButton />
      {shown && (
        <>
          <p data-testid="case-count">{t('importExport.caseVehicles', { count: shown.vehicleCount })}</p>
          <ImportDialog key={shown.id} caseId={shown.id} clientId={shown.clientId} onImported={() => setVersion((v) => v + 1)} />
          <h2>{t('importExport.exportTitle')}</h2>
          <ExportButtons caseId={shown.id} />
        </>
      )}
    </section>
  );
}
