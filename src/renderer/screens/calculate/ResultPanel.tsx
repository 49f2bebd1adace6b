import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApiError, Language } from '../../../core/api/contract';
import { formatMoney, formatNumber } from '../../../core/format';
import type { ComputeFail, ComputeOk } from '../../../core/vehicle';
import { ConfidenceBadge, StatusBadge } from '../../components/Badges';
import { ExternalLink } from '../../components/ExternalLink';
import type { Explanation } from './useFeeExplanation';
import { formFieldOf } from './vehicleForm';

interface ResultPanelProps {
  explanation: Explanation | null;
  error: ApiError | null;
  pending: boolean;
  language: Language;
}

/** The fee, how it was reached and how sure it is; or, plainly, why there is none. */
export function ResultPanel({ explanation, error, pending, language }: ResultPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="result" aria-labelledby="result-title" aria-busy={pending}>
      <h2 id="result-title" className="section-title">
        {t('calc.result.title')}
      </h2>
      {error && (
        <p className="notice notice--error" role="alert">
          {t('calc.result.callFailed', { reason: t(`apiError.${error.code}`) })}
        </p>
      )}
      {!error && !explanation && <p className="result__pending">{t('calc.result.computing')}</p>}
      {explanation &&
        (explanation.result.ok ? (
          <FeeResult result={explanation.result} language={language} />
        ) : (
          <FailedResult result={explanation.result} />
        ))}
      {explanation && explanation.sentences.length > 0 && (
        <details className="result__explanation">
          <summary>{t('calc.result.explanation')}</summary>
          <ol>
            {explanation.sentences.map((sentence, index) => (
              <li key={index}>{sentence}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function FeeResult({ result, language }: { result: ComputeOk; language: Language }) {
  const { t } = useTranslation();
  const money = (amount: string) => formatMoney(amount, result.currency, language);
  return (
    <>
      <p className="result__fee" role="status">
        <span className="visually-hidden">{t('calc.result.fee')}: </span>
        <span className="result__amount">{money(result.fee)}</span>
      </p>
      <dl className="result__facts">
        <dt>{t('calc.result.schedule')}</dt>
        <dd>
          <span className="code">{result.schedule}</span>
          {result.status !== 'in-force' && <StatusBadge status={result.status} />}
        </dd>
        <dt>{t('calc.result.row')}</dt>
        <dd>{result.row}</dd>
        <dt>{t('calc.result.calculation')}</dt>
        <dd className="result__formula">
          {result.baseRate !== null && result.coefficient !== null
            ? t('calc.result.formula', {
                base: formatNumber(result.baseRate, language),
                coefficient: formatNumber(result.coefficient, language),
                fee: money(result.fee),
              })
            : t('calc.result.fixed', { fee: money(result.fee) })}
        </dd>
        <dt>{t('calc.result.basis')}</dt>
        <dd>{result.basis}</dd>
        <dt>{t('calc.result.confidence')}</dt>
        <dd>
          <ConfidenceBadge confidence={result.confidence} explain />
        </dd>
        {result.ageYears !== null && (
          <>
            <dt>{t('calc.result.age')}</dt>
            <dd>{t('calc.result.ageYears', { count: result.ageYears })}</dd>
          </>
        )}
      </dl>
      <p className="result__unconfirmed">
        {result.status === 'in-force'
          ? t('calc.result.inForceApplied')
          : t('calc.result.unconfirmedApplied', { id: result.schedule })}
      </p>
      {result.assumptions.length > 0 && (
        <section className="notes notes--assumptions" aria-labelledby="result-assumptions">
          <h3 id="result-assumptions" className="notes__title">
            {t('calc.result.assumptions')}
          </h3>
          <ul>
            {result.assumptions.map((note, index) => (
              <li key={`${note.code}-${index}`}>{note.message}</li>
            ))}
          </ul>
        </section>
      )}
      {result.warnings.length > 0 && (
        <section className="notes notes--warnings" aria-labelledby="result-warnings">
          <h3 id="result-warnings" className="notes__title">
            {t('calc.result.warnings')}
          </h3>
          <ul>
            {result.warnings.map((note, index) => (
              <li key={`${note.code}-${index}`}>{note.message}</li>
            ))}
          </ul>
        </section>
      )}
      {result.sources.length > 0 && (
        <section className="result__sources" aria-labelledby="result-sources">
          <h3 id="result-sources" className="notes__title">
            {t('calc.result.sources')}
          </h3>
          <ul>
            {result.sources.map((source) => (
              <li key={source.key}>
                {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}{' '}
                <span className="muted">({isSourceKind(source.kind) ? t(`sourceKind.${source.kind}`) : source.kind})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

const SOURCE_KINDS = ['official', 'operator', 'news', 'broker', 'code', 'court', 'derived'] as const;
const isSourceKind = (kind: string): kind is (typeof SOURCE_KINDS)[number] =>
  (SOURCE_KINDS as readonly string[]).includes(kind);

const LABELLED_FIELDS = new Set([
  'country', 'date', 'category', 'offRoad', 'tractorUnit', 'internationalHaulage', 'propulsion', 'engineCc',
  'power', 'electricPower30minKw', 'grossMassKg', 'productionDate', 'importer', 'personalUse',
  'dispatchCountry', 'originCountry', 'exemption', 'machineType',
]);

function FailedResult({ result }: { result: ComputeFail }) {
  const { t } = useTranslation();
  const noRate = result.errors.find((error) => error.code === 'no-rate');
  const fieldLabel = (field: string) => {
    const formField = formFieldOf(field);
    return LABELLED_FIELDS.has(formField) ? t(`calc.field.${formField}` as ParseKeys) : field;
  };
  if (noRate) {
    return (
      <div className="result__none" role="status">
        <p className="result__none-title">{t('calc.result.noRate')}</p>
        <p>{noRate.message}</p>
        <p className="muted">{t('calc.result.noRateHelp')}</p>
      </div>
    );
  }
  return (
    <div className="result__errors" role="status">
      <p className="result__errors-title">{t('calc.result.invalid')}</p>
      <ul>
        {result.errors.map((error, index) => (
          <li key={`${error.field}-${index}`}>
            <strong>{fieldLabel(error.field)}:</strong> {error.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
