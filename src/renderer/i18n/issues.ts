/**
 * Turns validation issues — zod's from a local `safeParse`, or the `issues` of an API error,
 * which carry the same zod codes — into translation keys, so a field's message is the same
 * sentence whichever side found the problem, and follows the interface language.
 */
import type { ParseKeys } from 'i18next';

export type ValidationKey = Extract<ParseKeys, `validation.${string}`>;

export interface FieldIssue {
  /** dotted path, e.g. "phone" */
  field: string;
  /** zod issue code ("too_small", "too_big", "invalid_format", …) or a domain code */
  code: string;
}

export interface FieldMessage {
  key: ValidationKey;
  /** the field's length limit, for "at most {{max}} characters" */
  max?: number;
}

/** Per-field meanings of a code where the generic one would be vague (a phone's pattern). */
export type IssueOverrides = Partial<Record<string, Partial<Record<string, ValidationKey>>>>;

const GENERIC: Partial<Record<string, ValidationKey>> = {
  // The schemas mark required text as `.min(1)` after trimming, so "too small" means "empty".
  too_small: 'validation.required',
  too_big: 'validation.tooLong',
  invalid_value: 'validation.choice',
};

export function fieldMessage(
  issue: FieldIssue,
  overrides: IssueOverrides,
  maxLengthOf: (field: string) => number | undefined,
): FieldMessage {
  const key = overrides[issue.field]?.[issue.code] ?? GENERIC[issue.code] ?? 'validation.invalid';
  const max = key === 'validation.tooLong' ? maxLengthOf(issue.field) : undefined;
  return max === undefined ? { key } : { key, max };
}
