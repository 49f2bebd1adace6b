/**
 * The Electron window's security settings and navigation rules as plain data and functions, so
 * tests can check them without launching Electron. The shell (src/main/index.ts) only applies
 * what is decided here.
 */
import { CONTENT_SECURITY_POLICY } from '../web/security';

export { CONTENT_SECURITY_POLICY };
export { channelOf } from '../../core/api/channel';

/**
 * The response headers of every page the app loads, with the app's Content-Security-Policy set
 * (replacing any the response had). The meta tag of src/renderer/index.html holds the same policy
 * (less frame-ancestors, which only a header can carry; a test keeps them equal), and the security
 * scan evaluates it there: it cannot evaluate a policy held in a constant.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/** Applied to every BrowserWindow: the renderer gets no Node, an isolated world, a sandbox. */
export function secureWebPreferences(preloadPath?: string) {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Middle-click opens links through a path that bypasses the window-open handler.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** The app's own pages are file:// under the renderer folder (or the dev server in development). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const parsed = new URL(url);
    if (appOrigin === 'file://') return parsed.protocol === 'file:';
    return parsed.origin === appOrigin;
  } catch {
    return false;
  }
}

/** Only web links may leave the app, and only to the system browser. */
export function isOpenableExternally(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

export type NavigationDecision = 'allow' | 'deny';

/** In-window navigation is allowed only within the app; everything else is denied. */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  return isAppUrl(url, appOrigin) ? 'allow' : 'deny';
}
