/**
 * Every screen of the app, in navigation order. A screen exists here only once it works: later
 * issues add Cases by adding one entry (and its `nav.<id>` label in every locale). The first
 * entry is where an empty or unknown address lands.
 */
import type { ComponentType } from 'react';
import { CasesScreen } from '../screens/cases/CasesScreen';
import { ClientsScreen } from '../screens/clients/ClientsScreen';
import { CalculateScreen } from '../screens/calculate/CalculateScreen';
import { RatesScreen } from '../screens/rates/RatesScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { ImportExportScreen } from '../screens/import/ImportExportScreen';
import { VerifyScreen } from '../screens/statements/VerifyScreen';

export interface Route {
  /** the address is `#/<id>`; also the `nav.<id>` translation key */
  id: 'cases' | 'clients' | 'calculate' | 'rates' | 'settings' | 'import' | 'verify';
  Screen: ComponentType;
}

export const ROUTES: readonly [Route, ...Route[]] = [
  { id: 'cases', Screen: CasesScreen },
  { id: 'clients', Screen: ClientsScreen },
  { id: 'calculate', Screen: CalculateScreen },
  { id: 'rates', Screen: RatesScreen },
  { id: 'settings', Screen: SettingsScreen },
  { id: 'import', Screen: ImportExportScreen },
  { id: 'verify', Screen: VerifyScreen },
];

export const hrefOf = (route: Route): string => `#/${route.id}`;
