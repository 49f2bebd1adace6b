/** Counts and fees per currency for the whole case, and whether everything typed is saved. */
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/api/contract';
import { formatMoney } from '../../core/format';
import type { GridSummary } from '../../core/grid';
import type { SaveState } from './caseStore';

export function GridFooter({ summary, save, language }: { summary: GridSummary; save: SaveState; language: Language }) {
  const { t } = useTranslation();
  return (
    <footer className="grid-footer">
      <span className="grid-footer__count">{t('grid.footer.rows', { count: summary.rows })}</span>
      <span className={summary.errors > 0 ? 'grid-footer__count grid-footer__count--error' : 'grid-footer__count'}>
        {t('grid.footer.errors', { count: summary.errors })}
      </span>
      <span className={summary.warnings > 0 ? 'grid-footer__count grid-footer__count--warning' : 'grid-footer__count'}>
        {t('grid.footer.warnings', { count: summary.warnings })}
      </span>
      <span className="grid-footer__totals" aria-label={t('grid.footer.totals')}>
        {summary.totals.length === 0 ? (
          <span className="grid-footer__total">{t('grid.footer.noTotals')}</span>
        ) : (
          summary.totals.map((total) => (
            <span key={total.currency} className="grid-footer__total" data-currency={total.currency}>
              {formatMoney(total.amount, total.currency, language)}
            </span>
          ))
        )}
      </span>
      <span className={`grid-footer__save grid-footer__save--${save}`} role="status" data-save={save}>
        {t(`grid.save.${save}`)}
      </span>
    </footer>
  );
}
