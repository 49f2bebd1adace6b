import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type ApiError, type Language } from '../../../core/api/contract';
import { call } from '../../api/client';
import { LANGUAGE_LABELS } from '../../app/languages';
import { useLanguage } from '../../i18n';
import { deliver } from '../import/transfer';

export interface ExportButtonsProps {
  caseId: number;
  /** only these vehicles (e.g. the grid's selection); all of the case when absent */
  vehicleIds?: number[];
}

/** Export a case as .xlsx or .csv in the language the client reads. */
export function ExportButtons({ caseId, vehicleIds }: ExportButtonsProps) {
  const { t } = useTranslation();
  const uiLanguage = useLanguage();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setError(null);
    const r = await call('exports.case', { caseId, format, language, ...(vehicleIds ? { vehicleIds } : {}) });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    await deliver(r.value);
  };

  return (
    <div className="export-buttons" role="group" aria-label={t('importExport.exportTitle')}>
      <label>
        {t('importExport.exportLanguage')}{' '}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_LABELS[l].native}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button" disabled={busy} onClick={() => void run('xlsx')}>
        {t('importExport.exportXlsx')}
      </button>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run('csv')}>
        {t('importExport.exportCsv')}
      </button>
      {error && (
        <span className="text--error" role="alert">
          {error.message || t(`apiError.${error.code}`)}
        </span>
      )}
    </div>
  );
}

/** The empty vehicle list for carriers and clients, in the chosen language. */
export function TemplateButton() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const r = await call('exports.template', { language });
    setBusy(false);
    if (r.ok) await deliver(r.value);
  };
  return (
    <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run()}>
      {t('importExport.template')}
    </button>
  );
}
