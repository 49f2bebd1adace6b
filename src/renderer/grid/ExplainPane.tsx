/** Why the selected row costs what it costs: the rate row, basis, base × coefficient, notes and sources. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/api/contract';
import { formatMoney, formatNumber } from '../../core/format';
import { ExternalLink } from '../components/ExternalLink';
import type { GridRow } from './caseStore';

export function ExplainPane({ row, language }: { row: GridRow | null; language: Language }) {
  const { t } = useTranslation();
  const r = row?.result;
  return (
    <aside className="explain" aria-labelledby="explain-title">
      <h2 id="explain-title" className="explain__title">
        {t('grid.explain.title')}
      </h2>
      {!row && <p className="explain__empty">{t('grid.explain.none')}</p>}
      {row && !r && <p className="explain__empty">{t('grid.explain.pending')}</p>}
      {r && !r.ok && (
        <>
          <p className="explain__fee explain__fee--error">{t('grid.explain.cannot')}</p>
          <ul className="explain__list explain__list--error">
            {r.errors.map((e, i) => (
              <li key={i}>{e.message}</li>
            ))}
          </ul>
        </>
      )}
      {r?.ok && (
        <>
          <p className="explain__fee">{formatMoney(r.fee, r.currency, language)}</p>
          <dl className="explain__facts">
            <dt>{t('grid.explain.row')}</dt>
            <dd>{r.row}</dd>
            {r.baseRate !== null && r.coefficient !== null && (
              <>
                <dt>{t('grid.explain.formula')}</dt>
                <dd>
                  {formatNumber(r.baseRate, language)} × {formatNumber(r.coefficient, language)}
                </dd>
              </>
            )}
            <dt>{t('grid.explain.basis')}</dt>
            <dd>{r.basis}</dd>
            <dt>{t('grid.explain.confidence')}</dt>
            <dd>{t(`confidence.${r.confidence}`)}</dd>
            {r.ageYears !== null && (
              <>
                <dt>{t('grid.explain.age')}</dt>
                <dd>{r.ageYears}</dd>
              </>
            )}
          </dl>
          {r.assumptions.length > 0 && (
            <>
              <h3 className="explain__subtitle">{t('grid.explain.assumptions')}</h3>
              <ul className="explain__list">
                {r.assumptions.map((a) => (
                  <li key={a.code}>{a.message}</li>
                ))}
              </ul>
            </>
          )}
          {r.warnings.length > 0 && (
            <>
              <h3 className="explain__subtitle">{t('grid.explain.warnings')}</h3>
              <ul className="explain__list explain__list--warning">
                {r.warnings.map((w) => (
                  <li key={w.code}>{w.message}</li>
                ))}
              </ul>
            </>
          )}
          {r.sources.length > 0 && (
            <>
              <h3 className="explain__subtitle">{t('grid.explain.sources')}</h3>
              <ul className="explain__list">
                {r.sources.map((s) => (
                  <li key={s.key}>{s.url ? <ExternalLink href={s.url}>{s.title}</ExternalLink> : s.title}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </aside>
  );
}
