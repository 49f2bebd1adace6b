/**
 * The rate data in the renderer, so the grid can run the engine on the row being typed without a
 * round trip. Fetched once per window (`rates.files`), compiled once, shared by every grid.
 */
import { useEffect, useState } from 'react';
import type { Settings } from '../../core/api/contract';
import { loadRates, type RateBundle } from '../../core/rates/load';
import { call } from '../api/client';

export interface LocalEngine {
  bundle: RateBundle;
  applyUnconfirmed: string[];
}

let loading: Promise<LocalEngine | null> | null = null;

function load(): Promise<LocalEngine | null> {
  loading ??= Promise.all([call('rates.files', {}), call('settings.get', {})]).then(([files, settings]) => {
    if (!files.ok) {
      loading = null;
      return null;
    }
    const { bundle, errors } = loadRates(files.value);
    // The main process refuses to start on bad data; a bundle with errors here means a mismatch, so compute nothing locally.
    if (errors.length > 0) return null;
    const opted: Settings['applyUnconfirmed'] = settings.ok ? settings.value.applyUnconfirmed : [];
    return { bundle, applyUnconfirmed: opted };
  });
  return loading;
}

/** Starts fetching and compiling the rate data, if not already, so it is ready by the time a grid asks. */
export function preloadLocalEngine(): void {
  void load();
}

/** null until loaded (and if the data cannot be had: the saved result then arrives from main). */
export function useLocalEngine(): LocalEngine | null {
  const [engine, setEngine] = useState<LocalEngine | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((e) => {
      if (live) setEngine(e);
    });
    return () => {
      live = false;
    };
  }, []);
  return engine;
}
