/**
 * A stored result in two parts. Every ok result carries the `basis` and `sources` of the rate row
 * that priced it: about 80 % of its text, and the same for every vehicle priced on that row and
 * day. They are therefore kept once (a "part"), in the database and on the wire, and each result
 * keeps only its own fields, with a mark where the part's fields go.
 *
 * Joining puts the part's values back at the marked keys, so a joined result has the same keys
 * in the same order as the engine's result: a statement snapshot built from it is unchanged.
 */
import type { ComputeFail, ComputeOk, ComputeResult, ResultSource } from '../vehicle';

export interface ResultPart {
  basis: string;
  sources: ResultSource[];
}

/** Stands where `basis` and `sources` were; a number, so it can never be taken for either. */
export const PART_MARK = 0;

export type CompactOk = Omit<ComputeOk, 'basis' | 'sources'> & { basis: typeof PART_MARK; sources: typeof PART_MARK };
/** An error result has no part; an ok result stored before parts existed still has its own. */
export type CompactResult = ComputeFail | CompactOk | ComputeOk;

/** The result without its part (a copy: the engine's result is left as it is), and the part. */
export function splitResult(result: ComputeResult): { compact: CompactResult; part: ResultPart | null } {
  if (!result.ok) return { compact: result, part: null };
  return { compact: { ...result, basis: PART_MARK, sources: PART_MARK }, part: { basis: result.basis, sources: result.sources } };
}

/**
 * The whole result again. Fills `compact` in place (it is a freshly parsed object, owned by the
 * caller) and shares the part's `sources` between the results that name it, as the engine does.
 */
export function joinResult(compact: CompactResult, part: ResultPart | null): ComputeResult {
  if (!compact.ok || part === null || compact.basis !== PART_MARK) return compact as ComputeResult;
  const whole = compact as unknown as ComputeOk;
  whole.basis = part.basis;
  whole.sources = part.sources;
  return whole;
}
