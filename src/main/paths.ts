/**
 * Where Tamga keeps its data. `TAMGA_DATA_DIR` overrides everything (each test gets its own
 * folder). Otherwise the folder is the one Electron's `app.getPath('userData')` gives for the
 * product name "Tamga", computed here without Electron so that browser mode opens the same
 * database as the desktop window.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Tamga';

export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, fallback: string = defaultUserDataDir()): string {
  const override = env.TAMGA_DATA_DIR?.trim();
  return override ? override : fallback;
}
