/**
 * Codes the engine accepts for `exemption` and `machineType` in a country, with their names, as
 * the installed rate data lists them (`rates.codes`). They are offered as suggestions; the field
 * stays free text, and the engine names the codes it knows when it refuses one.
 */
import { useEffect, useState } from 'react';
import type { Language } from '../../../core/api/contract';
import type { Country } from '../../../core/rates/schema';
import { call } from '../../api/client';

export interface CodeList {
  exemptions: { code: string; title: string }[];
  machineTypes: { code: string; title: string }[];
}

const EMPTY: CodeList = { exemptions: [], machineTypes: [] };

export function useCodes(country: Country, language: Language): CodeList {
  const [codes, setCodes] = useState<{ key: string; list: CodeList } | null>(null);
  const key = `${country}|${language}`;
  useEffect(() => {
    let live = true;
    void call('rates.codes', { country, language }).then((reply) => {
      if (live && reply.ok) setCodes({ key, list: reply.value });
    });
    return () => {
      live = false;
    };
  }, [country, language, key]);
  return codes?.key === key ? codes.list : EMPTY;
}
