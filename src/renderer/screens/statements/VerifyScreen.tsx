/**
 * Checking a printed statement against this database (`#/verify`): scan its QR code into the
 * first field (a handheld scanner types the code's text like a keyboard) or type the number and
 * the 16-digit control code from the paper. The answer says whether the copy matches the stored
 * statement, and whether that statement has since been cancelled or replaced.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Language, StatementVerify } from '../../../core/api/contract';
import { formatDate, formatMoney } from '../../../core/format';
import { readQrPayload } from '../../../core/statements/qr';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useLanguage } from '../../i18n';

type Outcome = { asked: { number: string }; answer: StatementVerify } | { error: ApiError } | null;

export function VerifyScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [scanned, setScanned] = useState('');
  const [number, setNumber] = useState('');
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const [unreadable, setUnreadable] = useState(false);

  const check = async (asked: { number: string; hash: string }) => {
    setBusy(true);
    const reply = await call('statements.verify', asked);
    setBusy(false);
    setOutcome(reply.ok ? { asked, answer: reply.value } : { error: reply.error });
  };

  // A scanner ends its text with Enter or nothing at all: check as soon as a whole code is in.
  const onScanned = (text: string) => {
    setScanned(text);
    setUnreadable(false);
    const read = readQrPayload(text);
    if (!read) return;
    setNumber(read.number);
    setCode(read.hash);
    void check(read);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (number.trim() === '' || code.trim() === '') {
      setUnreadable(scanned.trim() !== '');
      return;
    }
    void check({ number: number.trim(), hash: code });
  };

  return (
    <section className="screen" aria-labelledby="verify-title">
      <h1 id="verify-title" className="screen__title">
        {t('verify.title')}
      </h1>
      <p className="screen__intro">{t('verify.intro')}</p>
      <form className="form" noValidate onSubmit={onSubmit}>
        <Field id="verify-scan" label={t('verify.scan')} hint={t('verify.scanHint')} error={unreadable ? t('verify.notACode') : undefined}>
          {(control) => <textarea {...control} className="input input--multiline" rows={3} value={scanned} onChange={(event) => onScanned(event.target.value)} />}
        </Field>
        <div className="form__row">
          <Field id="verify-number" label={t('verify.number')}>
            {(control) => <input {...control} className="input" autoComplete="off" value={number} onChange={(event) => setNumber(event.target.value)} />}
          </Field>
          <Field id="verify-code" label={t('verify.code')} hint={t('verify.codeHint')}>
            {(control) => <input {...control} className="input" autoComplete="off" spellCheck={false} value={code} onChange={(event) => setCode(event.target.value)} />}
          </Field>
        </div>
        <div className="form__actions">
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            {t('verify.check')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {outcome && <Answer outcome={outcome} language={language} />}
      </div>
    </section>
  );
}

function Answer({ outcome, language }: { outcome: NonNullable<Outcome>; language: Language }) {
  const { t } = useTranslation();
  if ('error' in outcome) return <p className="notice notice--error">{t(`apiError.${outcome.error.code}`)}</p>;
  const { answer, asked } = outcome;
  const s = answer.statement;
  if (!answer.found || !s) return <p className="notice notice--error">{t('verify.notFound', { number: asked.number })}</p>;
  if (!answer.matches) return <p className="notice notice--error">{t('verify.mismatch', { number: s.number })}</p>;
  const totals = s.totals.map((x) => formatMoney(x.amount, x.currency, language)).join('; ');
  return (
    <div className={s.cancelledAt ? 'notice notice--warning' : 'notice notice--success'}>
      <p>
        <strong>{t('verify.match', { number: s.number, date: formatDate(s.issueDate, language) })}</strong>
      </p>
      <p>{t('verify.details', { client: s.clientName, caseNumber: s.caseNumber, total: totals, n: s.vehicleCount })}</p>
      {s.cancelledAt && <p>{t('verify.cancelled', { date: formatDate(s.cancelledAt.slice(0, 10), language), reason: s.cancelReason ?? '' })}</p>}
      {s.replacedBy && <p>{t('verify.replacedBy', { number: s.replacedBy.number })}</p>}
      <p>
        <a href={`#/cases/${s.caseId}`}>{t('verify.openCase')}</a>
      </p>
    </div>
  );
}
