import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Backup } from '../../../core/api/contract';
import { formatDate } from '../../../core/format';
import { call } from '../../api/client';
import { useLanguage } from '../../i18n';
import { deliver, uploadFile } from '../import/transfer';

type Loaded = { status: 'loading' } | { status: 'failed'; error: ApiError } | { status: 'ready'; backups: Backup[] };
type Busy = 'create' | 'export' | 'restore' | 'import' | null;
/** What the broker is asked to confirm: restoring a listed backup or a whole database from a file. */
type Pending = { kind: 'restore'; backup: Backup } | { kind: 'import'; fileId: string; fileName: string } | null;

/** Issue codes of a refused restore or import (contract: backups.restore), each with its sentence. */
const PROBLEM_KEYS = {
  corrupt: 'settings.backups.problem.corrupt',
  newer: 'settings.backups.problem.newer',
  'unknown-history': 'settings.backups.problem.unknown-history',
  'not-a-database': 'settings.backups.problem.not-a-database',
} as const;
const isProblem = (code: string): code is keyof typeof PROBLEM_KEYS => Object.prototype.hasOwnProperty.call(PROBLEM_KEYS, code);

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function timeText(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * "Резервные копии": the backups Tamga keeps (daily, before updates, before a restore, by hand),
 * restore with a confirmation, and the whole database to and from one file for a new computer.
 * After a restore or an import the page reloads, so no screen keeps showing (or saving) old data.
 */
export function BackupsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [busy, setBusy] = useState<Busy>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const errorText = useCallback(
    (error: ApiError): string => {
      const problem = error.issues?.map((i) => i.code).find(isProblem);
      return problem ? t(PROBLEM_KEYS[problem]) : t(`apiError.${error.code}`);
    },
    [t],
  );

  const load = useCallback(async () => {
    const response = await call('backups.list', {});
    setLoaded(response.ok ? { status: 'ready', backups: response.value } : { status: 'failed', error: response.error });
  }, []);

  useEffect(() => {
    let current = true;
    void call('backups.list', {}).then((response) => {
      if (current) setLoaded(response.ok ? { status: 'ready', backups: response.value } : { status: 'failed', error: response.error });
    });
    return () => {
      current = false;
    };
  }, []);

  const createNow = async () => {
    setBusy('create');
    setMessage(null);
    const response = await call('backups.create', {});
    setBusy(null);
    setMessage(response.ok ? { kind: 'ok', text: t('settings.backups.created') } : { kind: 'error', text: errorText(response.error) });
    await load();
  };

  const exportDatabase = async () => {
    setBusy('export');
    setMessage(null);
    const response = await call('backups.exportDatabase', {});
    if (response.ok) await deliver(response.value);
    else setMessage({ kind: 'error', text: errorText(response.error) });
    setBusy(null);
  };

  const chooseImport = async () => {
    setMessage(null);
    if (window.tamgaFiles) {
      const picked = await window.tamgaFiles.openFile([{ name: 'Tamga', extensions: ['sqlite'] }]);
      if (picked) setPending({ kind: 'import', ...picked });
      return;
    }
    fileInput.current?.click();
  };

  const onFilePicked = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const uploaded = await uploadFile(file);
    if (uploaded.ok) setPending({ kind: 'import', ...uploaded.value });
    else setMessage({ kind: 'error', text: errorText(uploaded.error) });
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(pending.kind);
    const response =
      pending.kind === 'restore'
        ? await call('backups.restore', { id: pending.backup.id })
        : await call('backups.importDatabase', { fileId: pending.fileId });
    setPending(null);
    setBusy(null);
    if (response.ok) {
      window.location.reload();
      return;
    }
    setMessage({ kind: 'error', text: errorText(response.error) });
    await load();
  };

  const when = (b: Backup) => `${formatDate(localDay(b.createdAt), language)} ${timeText(b.createdAt)}`;

  return (
    <section className="settings-section" aria-labelledby="backups-title">
      <h2 id="backups-title" className="section-title">
        {t('settings.backups.title')}
      </h2>
      <p className="section-intro">{t('settings.backups.intro')}</p>
      <p>
        <button type="button" className="button button--primary" onClick={() => void createNow()} disabled={busy !== null}>
          {busy === 'create' ? t('settings.backups.creating') : t('settings.backups.create')}
        </button>{' '}
        <button type="button" className="button" onClick={() => void exportDatabase()} disabled={busy !== null}>
          {t('settings.backups.export')}
        </button>{' '}
        <button type="button" className="button" onClick={() => void chooseImport()} disabled={busy !== null}>
          {t('settings.backups.import')}
        </button>
        <input ref={fileInput} type="file" accept=".sqlite" hidden aria-hidden="true" onChange={(e) => void onFilePicked(e)} />
      </p>
      {message && (
        <p className={message.kind === 'error' ? 'notice notice--error' : 'notice'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {pending && (
        <div className="notice" role="alertdialog" aria-labelledby="backups-confirm">
          <p id="backups-confirm">
            {pending.kind === 'restore'
              ? t('settings.backups.confirmRestore', { when: when(pending.backup) })
              : t('settings.backups.confirmImport', { file: pending.fileName })}
          </p>
          <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={busy !== null}>
            {busy === 'restore' || busy === 'import' ? t('settings.backups.restoring') : t('settings.backups.confirm')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setPending(null)} disabled={busy !== null}>
            {t('settings.backups.cancel')}
          </button>
        </div>
      )}
      {loaded.status === 'loading' && <p>{t('settings.backups.loading')}</p>}
      {loaded.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {t('settings.backups.loadFailed', { reason: t(`apiError.${loaded.error.code}`) })}
        </p>
      )}
      {loaded.status === 'ready' &&
        (loaded.backups.length === 0 ? (
          <p className="notice">{t('settings.backups.none')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('settings.backups.when')}</th>
                <th scope="col">{t('settings.backups.kindColumn')}</th>
                <th scope="col">{t('settings.backups.size')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('settings.backups.restore')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.backups.map((b) => (
                <tr key={b.id}>
                  <td>{when(b)}</td>
                  <td>{t(`settings.backups.kind.${b.kind}`)}</td>
                  <td className="num">{sizeText(b.sizeBytes)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setPending({ kind: 'restore', backup: b })}
                      disabled={busy !== null}
                      aria-label={t('settings.backups.restoreFrom', { when: when(b) })}
                    >
                      {t('settings.backups.restore')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
