/** `cli rates`: the schedules covering a date, with their act, status, confidence and sources. */
import { dayNumber } from '../../core/dates';
import { actText } from '../../core/engine/compute';
import { lowerConfidence, type RateBundle } from '../../core/rates/load';
import type { Confidence, Country } from '../../core/rates/schema';

export interface ScheduleListing {
  id: string;
  country: Country;
  kind: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  status: string;
  act: string;
  /** the lowest confidence among the schedule's rows */
  confidence: Confidence;
  sources: { key: string; title: string; url?: string; kind: string }[];
}

export function listSchedules(bundle: RateBundle, date: string, country?: Country): ScheduleListing[] {
  const day = dayNumber(date);
  if (day === null) return [];
  return bundle.schedules
    .filter((s) => (!country || s.schedule.jurisdiction === country) && day >= s.from && (s.to === null || day <= s.to))
    .sort((a, b) => a.schedule.jurisdiction.localeCompare(b.schedule.jurisdiction) || a.kindOrder - b.kindOrder || a.schedule.id.localeCompare(b.schedule.id))
    .map((s) => ({
      id: s.schedule.id,
      country: s.schedule.jurisdiction,
      kind: s.schedule.kind,
      title: s.schedule.title.en,
      effectiveFrom: s.schedule.effectiveFrom,
      effectiveTo: s.schedule.effectiveTo,
      status: s.schedule.status,
      act: actText(s.schedule.legalAct),
      confidence: s.schedule.rows.reduce<Confidence>((c, r) => lowerConfidence(c, r.confidence), 'high'),
      sources: Object.entries(s.schedule.sources).map(([key, src]) => ({ key, ...src })),
    }));
}
