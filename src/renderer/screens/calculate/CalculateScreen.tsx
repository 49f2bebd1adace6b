import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { CATEGORIES, COUNTRIES, IMPORTERS, PROPULSIONS, type Country } from '../../../core/rates/schema';
import type { ComputeResult } from '../../../core/vehicle';
import { useProfile } from '../../app/ProfileContext';
import { todayIso } from '../../app/today';
import { CheckboxField } from '../../components/CheckboxField';
import { Field } from '../../components/Field';
import { SelectField } from '../../components/SelectField';
import { useLanguage } from '../../i18n';
import { useCodes } from './codes';
import { ComparisonTable } from './ComparisonTable';
import { ResultPanel } from './ResultPanel';
import { useFeeExplanation } from './useFeeExplanation';
import {
  formFieldOf,
  initialValues,
  isRelevant,
  toVehicle,
  type FormField,
  type VehicleFormValues,
} from './vehicleForm';

/** One vehicle, no case: the fee as the broker types, with its explanation and comparisons. */
export function CalculateScreen() {
  const { t } = useTranslation();
  const { state } = useProfile();

  return (
    <section className="screen screen--wide" aria-labelledby="calculate-title">
      <h1 id="calculate-title" className="screen__title">
        {t('calc.title')}
      </h1>
      <p className="screen__intro">{t('calc.intro')}</p>
      {state.status === 'loading' ? (
        <p role="status">{t('calc.loading')}</p>
      ) : (
        <QuickCalculation
          defaultCountry={state.status === 'ready' ? (state.profile?.defaultCountry ?? 'KZ') : 'KZ'}
        />
      )}
    </section>
  );
}

function QuickCalculation({ defaultCountry }: { defaultCountry: Country }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<VehicleFormValues>(() => initialValues(defaultCountry, todayIso()));
  const vehicle = useMemo(() => toVehicle(values), [values]);
  const fee = useFeeExplanation(vehicle, language);
  const codes = useCodes(values.country, language);
  const result: ComputeResult | null = fee.explanation?.result ?? null;

  const errors = useMemo(() => {
    const byField = new Map<string, string[]>();
    if (result && !result.ok) {
      for (const error of result.errors) {
        // "No rate known" is about the data, not a wrong value: the result says it, the field stays calm.
        if (error.code === 'no-rate') continue;
        const field = formFieldOf(error.field);
        byField.set(field, [...(byField.get(field) ?? []), error.message]);
      }
    }
    return byField;
  }, [result]);
  const errorOf = (field: string) => errors.get(field)?.join(' ');
  const shows = (field: FormField) => isRelevant(field, values) || errors.has(field);

  const productionAssumption = result?.ok
    ? result.assumptions.find((note) => note.code === 'production-day-assumed')?.message
    : undefined;

  const update = <F extends keyof VehicleFormValues>(field: F, value: VehicleFormValues[F]) =>
    setValues((current) => ({ ...current, [field]: value }));

  const textInput = (
    field: 'engineCc' | 'electricPower30minKw' | 'grossMassKg',
    hint?: string,
  ) => (
    <Field id={`calc-${field}`} label={t(`calc.field.${field}`)} hint={hint} error={errorOf(field)}>
      {(control) => (
        <input
          {...control}
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={values[field]}
          onChange={(event) => update(field, event.target.value)}
        />
      )}
    </Field>
  );

  /** A code the data defines (a machine type, an exemption): typed freely, the known ones offered with their names. */
  const codeInput = (field: 'machineType' | 'exemption', known: readonly { code: string; title: string }[]) => (
    <Field id={`calc-${field}`} label={t(`calc.field.${field}`)} hint={t(field === 'exemption' ? 'calc.hint.exemption' : 'calc.hint.code')} error={errorOf(field)}>
      {(control) => (
        <>
          <input
            {...control}
            className="input"
            list={`calc-${field}-codes`}
            autoComplete="off"
            value={values[field]}
            onChange={(event) => update(field, event.target.value)}
          />
          <datalist id={`calc-${field}-codes`}>
            {known.map(({ code, title }) => (
              <option key={code} value={code}>
                {title}
              </option>
            ))}
          </datalist>
        </>
      )}
    </Field>
  );

  const check = (field: 'offRoad' | 'tractorUnit' | 'internationalHaulage' | 'personalUse') => (
    <CheckboxField
      id={`calc-${field}`}
      label={t(`calc.field.${field}`)}
      checked={values[field]}
      error={errorOf(field)}
      onChange={(checked) => update(field, checked)}
    />
  );

  return (
    <div className="calc">
      <form className="calc__form form form--dense" noValidate onSubmit={(event) => event.preventDefault()}>
        <h2 className="section-title">{t('calc.vehicle')}</h2>
        <div className="form__row">
          <SelectField
            id="calc-country"
            label={t('calc.field.country')}
            error={errorOf('country')}
            value={values.country}
            options={COUNTRIES}
            optionLabel={(country) => t(`country.${country}`)}
            onChange={(country) => update('country', country)}
          />
          <Field id="calc-date" label={t('calc.field.date')} hint={t('calc.hint.date')} error={errorOf('date')}>
            {(control) => (
              <DateInput {...control} language={language} value={values.date} onChange={(date) => update('date', date)} />
            )}
          </Field>
        </div>
        <div className="form__row">
          <SelectField
            id="calc-category"
            label={t('calc.field.category')}
            error={errorOf('category')}
            value={values.category}
            options={CATEGORIES}
            optionLabel={(category) => t(`calc.category.${category}`)}
            onChange={(category) => update('category', category)}
          />
          {shows('propulsion') && (
            <SelectField
              id="calc-propulsion"
              label={t('calc.field.propulsion')}
              error={errorOf('propulsion')}
              value={values.propulsion}
              options={PROPULSIONS}
              optionLabel={(propulsion) => t(`calc.propulsion.${propulsion}`)}
              onChange={(propulsion) => update('propulsion', propulsion)}
            />
          )}
        </div>
        {(shows('offRoad') || shows('tractorUnit') || shows('internationalHaulage')) && (
          <div className="calc__checks">
            {shows('offRoad') && check('offRoad')}
            {shows('tractorUnit') && check('tractorUnit')}
            {shows('internationalHaulage') && check('internationalHaulage')}
          </div>
        )}
        {shows('machineType') && codeInput('machineType', codes.machineTypes)}
        <div className="form__row form__row--3">
          {shows('engineCc') && textInput('engineCc')}
          {shows('power') && (
            <Field id="calc-power" label={t('calc.field.power')} error={errorOf('power')}>
              {(control) => (
                <div className="input-with-unit">
                  <input
                    {...control}
                    className="input"
                    inputMode="decimal"
                    autoComplete="off"
                    value={values.power}
                    onChange={(event) => update('power', event.target.value)}
                  />
                  <select
                    className="input input-with-unit__unit"
                    aria-label={t('calc.field.powerUnit')}
                    value={values.powerUnit}
                    onChange={(event) => update('powerUnit', event.target.value as VehicleFormValues['powerUnit'])}
                  >
                    <option value="kw">{t('calc.unit.kw')}</option>
                    <option value="hp">{t('calc.unit.hp')}</option>
                  </select>
                </div>
              )}
            </Field>
          )}
          {shows('electricPower30minKw') && textInput('electricPower30minKw')}
          {shows('grossMassKg') && textInput('grossMassKg')}
        </div>
        <Field
          id="calc-productionDate"
          label={t('calc.field.productionDate')}
          hint={productionAssumption ?? t('calc.hint.productionDate')}
          error={errorOf('productionDate')}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              autoComplete="off"
              placeholder={t('calc.placeholder.productionDate')}
              value={values.productionDate}
              onChange={(event) => update('productionDate', event.target.value)}
            />
          )}
        </Field>
        <div className="form__row">
          <SelectField
            id="calc-importer"
            label={t('calc.field.importer')}
            error={errorOf('importer')}
            value={values.importer}
            options={IMPORTERS}
            optionLabel={(importer) => t(`calc.importer.${importer}`)}
            onChange={(importer) => update('importer', importer)}
          />
          <div className="calc__checks calc__checks--aligned">{shows('personalUse') && check('personalUse')}</div>
        </div>
        <div className="form__row">
          {(['dispatchCountry', 'originCountry'] as const).map((field) => (
            <Field
              key={field}
              id={`calc-${field}`}
              label={t(`calc.field.${field}`)}
              hint={t('calc.hint.countryCode')}
              error={errorOf(field)}
            >
              {(control) => (
                <input
                  {...control}
                  className="input input--code"
                  autoComplete="off"
                  maxLength={2}
                  value={values[field]}
                  onChange={(event) => update(field, event.target.value.toUpperCase())}
                />
              )}
            </Field>
          ))}
        </div>
        {codeInput('exemption', codes.exemptions)}
      </form>
      <div className="calc__output">
        <ResultPanel
          explanation={fee.explanation}
          error={fee.error}
          pending={fee.pending}
          language={language}
        />
      </div>
      <div className="calc__comparison">
        <ComparisonTable comparison={fee.comparison} language={language} />
      </div>
    </div>
  );
}
