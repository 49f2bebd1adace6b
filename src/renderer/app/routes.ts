/**
 * Every screen of the app, in navigation order. A screen exists here only once it works: later
 * issues add Cases by adding one entry (and its `nav.<id>` label in every locale). The first
 * entry is where an empty or unknown address lands.
 */
import type { ComponentType } from 'react';
import { CalculateScreen } from '../screens/calculate/CalculateScreen';
import { RatesScreen } from '../screens/rates/RatesScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';

export interface Route {
  /** the address is `#/<id>`; also the `nav.<id>` translation key */
  id: 'calculate' | 'rates' | 'settings';
  Screen: ComponentType;
}

export const ROUTES: readonly [Route, ...Route[]] = [
  { id: 'calculate', Screen: CalculateScreen },
  { id: 'rates', Screen: RatesScreen },
  { id: 'settings', Screen: SettingsScreen },
];

export const hrefOf = (route: Route): string => `#/${route.id}`;
