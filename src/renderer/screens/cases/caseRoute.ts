/** `#/cases` is the list, `#/cases/<id>` one case; the frame's route table knows only `cases`. */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useOpenCaseId(): number | null {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const m = /^#\/cases\/(\d{1,15})$/.exec(hash);
  return m ? Number(m[1]) : null;
}

export const caseHref = (id: number): string => `#/cases/${id}`;

export function openCase(id: number): void {
  window.location.assign(caseHref(id));
}
