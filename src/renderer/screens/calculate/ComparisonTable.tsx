import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/api/contract';
import { formatMoney } from '../../../core/format';
import type { Comparison } from './useFeeExplanation';

/** The same vehicle under the usual alternatives, so the broker sees what each choice costs. */
export function ComparisonTable({ comparison, language }: { comparison: Comparison | null; language: Language }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="comparison-title">
      <h2 id="comparison-title" className="section-title">
        {t('calc.compare.title')}
      </h2>
      <p className="section-intro">{t('calc.compare.intro')}</p>
      {comparison && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('calc.compare.scenario')}</th>
              <th scope="col" className="table__num">
                {t('calc.compare.fee')}
              </th>
              <th scope="col">{t('calc.compare.scheduleRow')}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.map(({ label, result }, index) => (
              <tr key={`${label}-${index}`}>
                <th scope="row">{label}</th>
                {result.ok ? (
                  <>
                    <td className="table__num table__money">{formatMoney(result.fee, result.currency, language)}</td>
                    <td>
                      <span className="code">{result.schedule}</span> · {result.row}
                    </td>
                  </>
                ) : (
                  <td colSpan={2} className="table__error">
                    {result.errors.some((error) => error.code === 'no-rate')
                      ? t('calc.result.noRate')
                      : result.errors.map((error) => error.message).join('; ')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
