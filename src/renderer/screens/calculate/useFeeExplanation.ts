/**
 * The fee of the vehicle being typed, recomputed shortly after the last keystroke. A newer
 * vehicle (or language) supersedes the answer of an older one, so a slow reply never overwrites
 * a faster, later one.
 */
import { useEffect, useState } from 'react';
import type { ApiError, Language, ResultOf } from '../../../core/api/contract';
import { call } from '../../api/client';

const DEBOUNCE_MS = 150;

export type Explanation = ResultOf<'fees.explain'>;
export type Comparison = ResultOf<'fees.compare'>;

export interface FeeState {
  /** the request these answers belong to; differs from the current one while recomputing */
  key: string;
  explanation: Explanation | null;
  comparison: Comparison | null;
  error: ApiError | null;
}

export function useFeeExplanation(vehicle: Record<string, unknown>, language: Language): FeeState & { pending: boolean } {
  const key = JSON.stringify([vehicle, language]);
  const [state, setState] = useState<FeeState>({ key: '', explanation: null, comparison: null, error: null });

  useEffect(() => {
    let current = true;
    const [requested, lang] = JSON.parse(key) as [Record<string, unknown>, Language];
    const timer = window.setTimeout(() => {
      void Promise.all([
        call('fees.explain', { vehicle: requested, language: lang }),
        call('fees.compare', { vehicle: requested, language: lang }),
      ]).then(([explained, compared]) => {
        if (!current) return;
        setState({
          key,
          explanation: explained.ok ? explained.value : null,
          comparison: compared.ok ? compared.value : null,
          error: !explained.ok ? explained.error : !compared.ok ? compared.error : null,
        });
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  return { ...state, pending: state.key !== key };
}
