import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ImportJob, ImportPreview } from '../../../core/api/contract';
import type { ImportField, Unit } from '../../../core/import/types';
import { call } from '../../api/client';
import { useLanguage } from '../../i18n';
import { columnsOf, FIELD_UNITS, IMPORT_FIELDS, setColumnField, type Mapping } from './mappingEdit';
import { deliver, IMPORT_EXTENSIONS, uploadFile } from './transfer';
import './import.css';

export interface ImportDialogProps {
  caseId: number;
  /** the case's client: a corrected mapping can be saved for its next files */
  clientId: number;
  /** after a finished import, so the case screen reloads its rows */
  onImported?: (job: ImportJob) => void;
  onClose?: () => void;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'preview'; fileId: string; preview: ImportPreview; mapping: Mapping }
  | { kind: 'running'; job: ImportJob }
  | { kind: 'report'; job: ImportJob };

const POLL_MS = 200;

/**
 * Import a broker's list into a case: choose a file, check and correct the preview (a meaning
 * per column, the header row), import with progress and a cancel button, read the report.
 */
export function ImportDialog({ caseId, clientId, onImported, onClose }: ImportDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saveAs, setSaveAs] = useState('');
  const jobRef = useRef<string | null>(null);

  const fail = (e: ApiError) => {
    setError(e);
    setBusy(false);
  };

  const loadPreview = async (fileId: string, extra: { mapping?: Mapping; headerRow?: number; sheet?: string } = {}) => {
    setBusy(true);
    setError(null);
    const r = await call('imports.preview', { caseId, fileId, language, ...extra });
    setBusy(false);
    if (!r.ok) return fail(r.error);
    setStep({ kind: 'preview', fileId, preview: r.value, mapping: r.value.mapping });
  };

  const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    const up = await uploadFile(file);
    if (!up.ok) return fail(up.error);
    await loadPreview(up.value.fileId);
  };

  const chooseInShell = async () => {
    const picked = await window.tamgaFiles?.openFile([{ name: t('importExport.fileKinds'), extensions: IMPORT_EXTENSIONS }]);
    if (picked) await loadPreview(picked.fileId);
  };

  const start = async () => {
    if (step.kind !== 'preview') return;
    setBusy(true);
    setError(null);
    if (saveAs.trim() !== '') {
      const saved = await call('imports.saveMapping', { clientId, name: saveAs.trim(), mapping: step.mapping });
      if (!saved.ok) return fail(saved.error);
    }
    const r = await call('imports.start', { caseId, fileId: step.fileId, sheet: step.preview.sheet, mapping: step.mapping, language });
    setBusy(false);
    if (!r.ok) return fail(r.error);
    jobRef.current = r.value.jobId;
    setStep({ kind: 'running', job: { jobId: r.value.jobId, caseId, state: 'reading', rowsRead: 0, rowsStored: 0, rowsTotal: null, report: null, error: null } });
  };

  const running = step.kind === 'running';
  useEffect(() => {
    if (!running) return undefined;
    let stopped = false;
    const poll = async () => {
      if (stopped || !jobRef.current) return;
      const r = await call('imports.status', { jobId: jobRef.current });
      if (stopped) return;
      if (!r.ok) return fail(r.error);
      const job = r.value;
      if (job.state === 'reading' || job.state === 'storing') {
        setStep({ kind: 'running', job });
        window.setTimeout(() => void poll(), POLL_MS);
        return;
      }
      setStep({ kind: 'report', job });
      if (job.state === 'done') onImported?.(job);
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [running, onImported]);

  const cancel = async () => {
    if (jobRef.current) await call('imports.cancel', { jobId: jobRef.current });
  };

  const saveReport = async (format: 'xlsx' | 'csv') => {
    if (step.kind !== 'report') return;
    const r = await call('imports.saveReport', { jobId: step.job.jobId, format, language });
    if (!r.ok) return fail(r.error);
    await deliver(r.value);
  };

  return (
    <section className="import-dialog" aria-labelledby="import-title">
      <h2 id="import-title">{t('importExport.importTitle')}</h2>
      {error && (
        <p className="notice notice--error" role="alert">
          {error.message || t(`apiError.${error.code}`)}
        </p>
      )}

      {step.kind === 'choose' && (
        <div className="import-dialog__choose">
          <p>{t('importExport.chooseHint')}</p>
          {window.tamgaFiles ? (
            <button type="button" className="button" disabled={busy} onClick={() => void chooseInShell()}>
              {t('importExport.chooseFile')}
            </button>
          ) : (
            <label className="button">
              {t('importExport.chooseFile')}
              <input type="file" data-testid="import-file" hidden accept={IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',')} onChange={(e) => void chooseFile(e)} disabled={busy} />
            </label>
          )}
          {busy && <p role="status">{t('importExport.reading')}</p>}
        </div>
      )}

      {step.kind === 'preview' && (
        <PreviewStep
          step={step}
          busy={busy}
          saveAs={saveAs}
          onSaveAs={setSaveAs}
          onMapping={(mapping) => void loadPreview(step.fileId, { mapping, sheet: step.preview.sheet })}
          onHeaderRow={(headerRow) => void loadPreview(step.fileId, { headerRow, sheet: step.preview.sheet })}
          onStart={() => void start()}
          onBack={() => setStep({ kind: 'choose' })}
        />
      )}

      {step.kind === 'running' && (
        <div className="import-dialog__progress" role="status" aria-live="polite">
          {/* The job stores rows while it reads them: the total is known only once the file is read. */}
          <progress max={step.job.rowsTotal ?? 100} value={step.job.state === 'storing' && step.job.rowsTotal !== null ? step.job.rowsStored : undefined} aria-label={t('importExport.progress')} />
          <p data-testid="import-progress">
            {step.job.state === 'reading' || step.job.rowsTotal === null
              ? t('importExport.rowsRead', { count: step.job.rowsRead })
              : t('importExport.rowsStored', { stored: step.job.rowsStored, total: step.job.rowsTotal ?? 0 })}
          </p>
          <button type="button" className="button" onClick={() => void cancel()}>
            {t('importExport.cancel')}
          </button>
        </div>
      )}

      {step.kind === 'report' && <ReportStep job={step.job} onSave={(f) => void saveReport(f)} onAgain={() => setStep({ kind: 'choose' })} />}

      {onClose && (
        <button type="button" className="button button--secondary" onClick={onClose} disabled={running}>
          {t('importExport.close')}
        </button>
      )}
    </section>
  );
}

interface PreviewStepProps {
  step: Extract<Step, { kind: 'preview' }>;
  busy: boolean;
  saveAs: string;
  onSaveAs: (name: string) => void;
  onMapping: (mapping: Mapping) => void;
  onHeaderRow: (row: number) => void;
  onStart: () => void;
  onBack: () => void;
}

function PreviewStep({ step, busy, saveAs, onSaveAs, onMapping, onHeaderRow, onStart, onBack }: PreviewStepProps) {
  const { t } = useTranslation();
  const { preview, mapping } = step;
  const columns = columnsOf(mapping);
  const width = Math.max(columns.at(-1)?.column ?? 0, ...preview.rows.map((r) => r.cells.length));
  const byColumn = new Map(columns.map((c) => [c.column, c]));
  const [headerRow, setHeaderRow] = useState(String(preview.headerRow));

  return (
    <div className="import-dialog__preview">
      <p>
        {t('importExport.previewOf', { file: preview.fileName, sheet: preview.sheet })}
        {preview.savedMapping && <> — {t('importExport.savedApplied', { name: preview.savedMapping.name })}</>}
      </p>
      <label className="import-dialog__header-row">
        {t('importExport.headerRow')}{' '}
        <input type="number" min={1} max={1000} value={headerRow} onChange={(e) => setHeaderRow(e.target.value)} aria-label={t('importExport.headerRow')} />
        <button type="button" className="button button--secondary" disabled={busy || !/^\d+$/.test(headerRow)} onClick={() => onHeaderRow(Number(headerRow))}>
          {t('importExport.applyHeaderRow')}
        </button>
      </label>
      <div className="import-dialog__table-wrap">
        <table className="data-table import-dialog__table">
          <thead>
            <tr>
              <th scope="col">{t('importExport.row')}</th>
              {Array.from({ length: width }, (_, i) => {
                const col = byColumn.get(i + 1);
                const field = col?.field ?? null;
                const units = field ? FIELD_UNITS[field] : undefined;
                return (
                  <th key={i} scope="col">
                    <select
                      aria-label={t('importExport.columnMeaning', { column: i + 1, header: col?.header ?? '' })}
                      value={field ?? ''}
                      disabled={busy}
                      onChange={(e) => onMapping(setColumnField(mapping, i + 1, e.target.value === '' ? null : (e.target.value as ImportField)))}
                    >
                      <option value="">{t('importExport.ignore')}</option>
                      {IMPORT_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(`importExport.fields.${f}`)}
                        </option>
                      ))}
                    </select>
                    {units && field && (
                      <select
                        aria-label={t('importExport.columnUnit', { column: i + 1 })}
                        value={col?.unit ?? units[0]}
                        disabled={busy}
                        onChange={(e) => onMapping(setColumnField(mapping, i + 1, field, e.target.value as Unit))}
                      >
                        {units.map((u) => (
                          <option key={u} value={u}>
                            {t(`importExport.units.${u}`)}
                          </option>
                        ))}
                      </select>
                    )}
                    <div className="import-dialog__header">{col?.header ?? ''}</div>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.rowNumber}>
                <th scope="row">{row.rowNumber}</th>
                {Array.from({ length: width }, (_, i) => {
                  const issues = row.issues.filter((x) => x.column === i + 1);
                  const error = issues.some((x) => x.severity === 'error');
                  return (
                    <td key={i} className={issues.length === 0 ? undefined : error ? 'cell--error' : 'cell--warning'} title={issues.map((x) => x.message).join('\n') || undefined}>
                      {row.cells[i] === null || row.cells[i] === undefined ? '' : String(row.cells[i])}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.rows.some((r) => r.issues.length > 0) && (
        <ul className="import-dialog__issues">
          {preview.rows.flatMap((r) => r.issues.map((x, k) => (
            <li key={`${r.rowNumber}-${k}`} className={x.severity === 'error' ? 'text--error' : 'text--warning'}>
              {t('importExport.rowIssue', { row: r.rowNumber, message: x.message })}
            </li>
          )))}
        </ul>
      )}
      {preview.skipped.length > 0 && <p>{t('importExport.skippedCount', { count: preview.skipped.length })}</p>}
      <label>
        {t('importExport.saveMappingAs')}{' '}
        <input type="text" maxLength={100} value={saveAs} onChange={(e) => onSaveAs(e.target.value)} placeholder={t('importExport.saveMappingPlaceholder')} />
      </label>
      <div className="import-dialog__actions">
        <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
          {t('importExport.otherFile')}
        </button>
        <button type="button" className="button" onClick={onStart} disabled={busy || mapping.columns.length === 0}>
          {t('importExport.import')}
        </button>
      </div>
    </div>
  );
}

function ReportStep({ job, onSave, onAgain }: { job: ImportJob; onSave: (format: 'xlsx' | 'csv') => void; onAgain: () => void }) {
  const { t } = useTranslation();
  const report = job.report;
  return (
    <div className="import-dialog__report" data-testid="import-report">
      {job.state === 'cancelled' && <p role="status">{t('importExport.cancelled')}</p>}
      {job.state === 'failed' && (
        <p className="notice notice--error" role="alert">
          {t('importExport.failed', { reason: job.error?.message ?? '' })}
        </p>
      )}
      {report && (
        <>
          <dl className="import-dialog__counts">
            {(['rows', 'stored', 'withErrors', 'withWarnings', 'skipped', 'duplicates'] as const).map((k) => (
              <div key={k}>
                <dt>{t(`importExport.counts.${k}`)}</dt>
                <dd data-testid={`count-${k}`}>{report.counts[k]}</dd>
              </div>
            ))}
          </dl>
          {report.issues.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('importExport.row')}</th>
                  <th scope="col">{t('importExport.column')}</th>
                  <th scope="col">{t('importExport.value')}</th>
                  <th scope="col">{t('importExport.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.issues.map((x, i) => (
                  <tr key={i} className={x.severity === 'error' ? 'text--error' : 'text--warning'}>
                    <td>{x.row}</td>
                    <td>{x.column}</td>
                    <td>{x.value}</td>
                    <td>{x.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.truncated && <p>{t('importExport.truncated')}</p>}
          <div className="import-dialog__actions">
            <button type="button" className="button" onClick={() => onSave('xlsx')}>
              {t('importExport.saveReport')} (.xlsx)
            </button>
            <button type="button" className="button button--secondary" onClick={() => onSave('csv')}>
              {t('importExport.saveReport')} (.csv)
            </button>
          </div>
        </>
      )}
      <button type="button" className="button button--secondary" onClick={onAgain}>
        {t('importExport.another')}
      </button>
    </div>
  );
}
