/**
 * Codes the engine accepts for `exemption` and `machineType`, per country, offered as suggestions
 * while typing. They are the codes the engine names when it rejects an unknown one; the field
 * stays free text, so a code added to the rate data works before this list learns it (the
 * engine's answer names the codes it knows). Requested: an API that lists them from the data.
 */
import type { Country } from '../../../core/rates/schema';

export const EXEMPTION_CODES: Record<Country, readonly string[]> = {
  KZ: ['humanitarian'],
  RU: ['resettler', 'refugee', 'forced-migrant', 'diplomatic', 'vintage'],
  BY: [
    'humanitarian',
    'technical-assistance',
    'diplomatic',
    'refugee',
    'resettler',
    'by-producer-obligation',
    'by-made-exported',
    're-equipped',
    'chassis-fee-paid',
    'euro6-international-haulage',
    'international-haulage-2025',
    'international-haulage-2026',
    'vintage',
  ],
};

export const MACHINE_TYPES: Record<Country, readonly string[]> = {
  KZ: ['excavator', 'bulldozer', 'grader', 'wheel-loader', 'crane', 'agro-other', 'other-special'],
  RU: ['grader', 'bulldozer', 'excavator', 'wheel-loader', 'front-loader', 'off-road-dump-truck', 'dump-truck', 'van'],
  BY: [],
};
