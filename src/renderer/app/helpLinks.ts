import type { Country } from '../../core/rates/schema';

/**
 * The official legal-information portals of the three countries, where a broker can read the
 * acts behind the fee. Portals, not citations: the exact acts and their dates live with the
 * rates in resources/rates.
 */
export const LEGAL_PORTALS: Record<Country, string> = {
  KZ: 'https://adilet.zan.kz/',
  RU: 'http://pravo.gov.ru/',
  BY: 'https://pravo.by/',
};
