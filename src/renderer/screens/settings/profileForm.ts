/**
 * The Settings form's rules, apart from its markup: defaults for a first profile, and the mapping
 * of validation issues (local or from the server) to messages beside the fields.
 */
import type { Language, Profile } from '../../../core/api/contract';
import { profileSchema } from '../../../core/api/contract';
import { fieldMessage, type FieldIssue, type FieldMessage, type IssueOverrides } from '../../i18n/issues';

export type ProfileField = keyof Profile;

/** Form order, which is also the order of focus when the first invalid field is sought. */
export const PROFILE_FIELDS: readonly ProfileField[] = [
  'brokerName',
  'licenseNumber',
  'address',
  'phone',
  'footerText',
  'defaultCountry',
  'language',
];

export function emptyProfile(language: Language): Profile {
  return {
    brokerName: '',
    licenseNumber: '',
    address: '',
    phone: '',
    footerText: '',
    defaultCountry: 'KZ',
    language,
  };
}

export function isProfileField(field: string): field is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(field);
}

const OVERRIDES: IssueOverrides = {
  phone: { invalid_format: 'validation.phone' },
};

/** Length limits come from the contract's schema, so the message can never disagree with it. */
function maxLengthOf(field: string): number | undefined {
  if (!isProfileField(field)) return undefined;
  const schema = profileSchema.shape[field];
  return 'maxLength' in schema && typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
}

export type FieldErrors = Partial<Record<ProfileField, FieldMessage>>;

export interface SortedIssues {
  fields: FieldErrors;
  /** issues that name no field of the form (e.g. an unexpected key); shown in the status line */
  unplaced: FieldIssue[];
}

/** The first issue of each field wins: one message per field is what a person can act on. */
export function sortIssues(issues: readonly FieldIssue[]): SortedIssues {
  const fields: FieldErrors = {};
  const unplaced: FieldIssue[] = [];
  for (const issue of issues) {
    if (!isProfileField(issue.field)) unplaced.push(issue);
    else fields[issue.field] ??= fieldMessage(issue, OVERRIDES, maxLengthOf);
  }
  return { fields, unplaced };
}

/** Validates with the contract's own schema, exactly as the backend will. */
export function validateProfile(
  values: Profile,
): { ok: true; profile: Profile } | { ok: false; issues: FieldIssue[] } {
  const parsed = profileSchema.safeParse(values);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), code: issue.code })),
  };
}
