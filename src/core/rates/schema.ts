/**
 * The rate-data file format (resources/rates/**), modelled on OpenFisca parameters:
 * every legal figure is data with its effective dates, legal act, source and confidence.
 * The schemas are strict: an unknown key is a load error naming the file and the path.
 * Cross-row checks (overlapping bands, gaps, two schedules for one case) live in ./validate.ts.
 */
import { z } from 'zod';

export const COUNTRIES = ['KZ', 'RU', 'BY'] as const;
export const CATEGORIES = [
  'M1', 'M2', 'M3', 'N1', 'N2', 'N3', 'O1', 'O2', 'O3', 'O4', 'tractor', 'combine', 'special',
] as const;
export const PROPULSIONS = ['ice', 'hybrid', 'series-hybrid', 'electric'] as const;
export const IMPORTERS = ['individual', 'company'] as const;
export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export const STATUSES = ['in-force', 'draft', 'unconfirmed'] as const;
export const CURRENCIES = ['KZT', 'RUB', 'BYN'] as const;
/**
 * Schedule kinds, in the order the engine consults them: an exemption beats everything, a
 * "not subject" rule beats any rate, a preferential rule (e.g. RU personal use) beats the
 * standard table. Overlap checks apply only between schedules of the same kind.
 */
export const SCHEDULE_KINDS = ['exemption', 'not-subject', 'preferential', 'standard'] as const;

export type Country = (typeof COUNTRIES)[number];
export type Category = (typeof CATEGORIES)[number];
export type Propulsion = (typeof PROPULSIONS)[number];
export type Importer = (typeof IMPORTERS)[number];
export type Confidence = (typeof CONFIDENCES)[number];
export type ScheduleStatus = (typeof STATUSES)[number];
export type Currency = (typeof CURRENCIES)[number];
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** Decimal numbers are strings in data files so no figure ever passes through a binary float. */
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string such as "3.5"');
const text3 = z.strictObject({ ru: z.string().min(1), kk: z.string().min(1), en: z.string().min(1) });

/**
 * A numeric band with explicit bounds: `gt`/`gte` for the lower edge, `lt`/`lte` for the upper.
 * "свыше 1000, но не более 2000 см³" is `{ "gt": 1000, "lte": 2000 }`.
 */
export const bandSchema = z
  .strictObject({
    gt: z.number().optional(),
    gte: z.number().optional(),
    lt: z.number().optional(),
    lte: z.number().optional(),
  })
  .refine((b) => !(b.gt !== undefined && b.gte !== undefined), 'give gt or gte, not both')
  .refine((b) => !(b.lt !== undefined && b.lte !== undefined), 'give lt or lte, not both')
  .refine((b) => Object.keys(b).length > 0, 'a band needs at least one bound');
export type Band = z.infer<typeof bandSchema>;

/** Conditions a vehicle must meet for a row to apply. An absent key means "any". */
export const conditionSchema = z.strictObject({
  category: z.array(z.enum(CATEGORIES)).min(1).optional(),
  offRoad: z.boolean().optional(),
  tractorUnit: z.boolean().optional(),
  internationalHaulage: z.boolean().optional(),
  propulsion: z.array(z.enum(PROPULSIONS)).min(1).optional(),
  /** engine displacement, cm³ */
  engineCc: bandSchema.optional(),
  /** the power the jurisdiction's rule measures, kW (RU EV / series hybrid: 30-minute power) */
  powerKw: bandSchema.optional(),
  /** the same in metric hp, for acts that state their bands in hp (KZ agro, RU machinery) */
  powerHp: bandSchema.optional(),
  /** technically permissible maximum mass, kg */
  grossMassKg: bandSchema.optional(),
  /** age in whole-calendar years at the rule date: `{ "lte": 3 }` is "not more than 3 years" */
  ageYears: bandSchema.optional(),
  importer: z.array(z.enum(IMPORTERS)).min(1).optional(),
  personalUse: z.boolean().optional(),
  dispatchCountry: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
  originCountry: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1).optional(),
  exemption: z.array(z.string().min(1)).min(1).optional(),
  machineType: z.array(z.string().min(1)).min(1).optional(),
});
export type Condition = z.infer<typeof conditionSchema>;
export const NUMERIC_DIMENSIONS = ['engineCc', 'powerKw', 'powerHp', 'grossMassKg', 'ageYears'] as const;
export type NumericDimension = (typeof NUMERIC_DIMENSIONS)[number];

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.string().url().optional(),
  /** "official", "operator", "news", "broker", "code", "court", "derived" — what kind of source it is */
  kind: z.enum(['official', 'operator', 'news', 'broker', 'code', 'court', 'derived']),
});

export const legalActSchema = z.strictObject({
  title: z.string().min(1),
  number: z.string().optional(),
  date: isoDate.optional(),
  link: z.string().url().optional(),
  /** the paragraph, appendix or table the rows come from */
  part: z.string().optional(),
});

/** A base rate: a fixed amount, or a multiple of a dated series (KZ: 50 × MRP). */
export const baseSchema = z.union([
  z.strictObject({ amount: decimal, source: z.array(z.string()).min(1), confidence: z.enum(CONFIDENCES) }),
  z.strictObject({ series: z.string().min(1), multiplier: decimal }),
]);

export const rowSchema = z
  .strictObject({
    /** stable id within the schedule, e.g. "1.3-le3" */
    id: z.string().min(1),
    /** the act's own row reference, e.g. "п. 1.3" */
    ref: z.string().optional(),
    when: conditionSchema,
    /** fee = base × coefficient … */
    coefficient: decimal.optional(),
    /** … or a fixed fee in the schedule's currency */
    amount: decimal.optional(),
    /** for a row that overrides the schedule's base (e.g. a machinery row) */
    base: baseSchema.optional(),
    /** why the fee is zero, or any reason a broker must read, in three languages */
    reason: text3.optional(),
    /** keys into the schedule's `sources` */
    source: z.array(z.string()).min(1),
    confidence: z.enum(CONFIDENCES),
    /** the figure is arithmetic on sourced figures, not printed anywhere */
    derived: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((r) => (r.coefficient === undefined) !== (r.amount === undefined), 'give coefficient or amount, exactly one');
export type Row = z.infer<typeof rowSchema>;

export const scheduleSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[A-Z]{2}-[A-Za-z0-9-]+$/),
  jurisdiction: z.enum(COUNTRIES),
  kind: z.enum(SCHEDULE_KINDS),
  title: text3,
  effectiveFrom: isoDate,
  /** inclusive last day; null while in force */
  effectiveTo: isoDate.nullable(),
  /** how sure the dates are, when sources disagree or an end date is approximate */
  datesNote: z.string().optional(),
  status: z.enum(STATUSES),
  legalAct: legalActSchema,
  lastChecked: isoDate,
  currency: z.enum(CURRENCIES),
  base: baseSchema.optional(),
  /** numeric dimensions whose bands must form a gap-free series within each group of rows */
  contiguous: z.array(z.enum(NUMERIC_DIMENSIONS)).optional(),
  sources: z.record(z.string(), sourceSchema),
  rows: z.array(rowSchema).min(1),
  note: z.string().optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** A dated series, e.g. Kazakhstan's monthly calculation index (MRP) or a base rate. */
export const seriesSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[A-Z]{2}-[A-Za-z0-9-]+$/),
  jurisdiction: z.enum(COUNTRIES),
  title: text3,
  unit: z.string().min(1),
  lastChecked: isoDate,
  sources: z.record(z.string(), sourceSchema),
  values: z
    .array(
      z.strictObject({
        from: isoDate,
        to: isoDate.nullable(),
        value: decimal,
        legalBasis: z.string().min(1),
        source: z.array(z.string()).min(1),
        confidence: z.enum(CONFIDENCES),
        note: z.string().optional(),
      }),
    )
    .min(1),
});
export type Series = z.infer<typeof seriesSchema>;

/** Per-jurisdiction rules that are not rates: dates, ages, power measures, notices. */
export const jurisdictionSchema = z.strictObject({
  $schema: z.string().optional(),
  jurisdiction: z.enum(COUNTRIES),
  currency: z.enum(CURRENCIES),
  lastChecked: isoDate,
  /** what the rule date means here (shown in explanations) */
  ruleDate: text3,
  /** the day assumed when only a year or a year and month of production is known */
  unknownProductionDay: z.strictObject({
    yearOnly: z.string().regex(/^\d{2}-\d{2}$/),
    /** "first" or "last" day of the month, or "15" */
    monthOnly: z.enum(['first', 'fifteenth', 'last']),
    basis: z.string().min(1),
    source: z.array(z.string()).min(1),
    confidence: z.enum(CONFIDENCES),
  }),
  /** how the power used for bands is measured for electric and series-hybrid drives */
  electricPower: z
    .strictObject({
      measure: z.enum(['thirty-minute', 'peak']),
      /** when only peak power is known, 30-minute ≈ factor × peak (a stated assumption) */
      estimateFromPeak: z
        .strictObject({ factor: decimal, from: isoDate, basis: z.string(), source: z.array(z.string()).min(1), confidence: z.enum(CONFIDENCES) })
        .optional(),
    })
    .optional(),
  /** codes a user may claim in `exemption`, with their legal basis */
  exemptions: z.array(
    z.strictObject({ code: z.string().min(1), title: text3, basis: z.string().min(1) }),
  ),
  /** machine type codes a user may give in `machineType` */
  machineTypes: z.array(z.strictObject({ code: z.string().min(1), title: text3 })).optional(),
  /** warnings shown when their conditions hold on the rule date */
  notices: z.array(
    z.strictObject({
      code: z.string().min(1),
      from: isoDate,
      to: isoDate.nullable(),
      when: conditionSchema,
      message: text3,
      source: z.array(z.string()).min(1),
      confidence: z.enum(CONFIDENCES),
    }),
  ),
  sources: z.record(z.string(), sourceSchema),
  /** known gaps: what the reference has no rate for, shown as gaps in the rates browser */
  gaps: z.array(z.strictObject({ what: text3, from: isoDate.nullable(), to: isoDate.nullable(), note: z.string() })),
});
export type Jurisdiction = z.infer<typeof jurisdictionSchema>;
