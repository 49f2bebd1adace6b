import { describe, expect, it } from 'vitest';
import { decideNavigation, isOpenableExternally, secureWebPreferences } from '../../../src/main/shell/policy';
import { channelOf } from '../../../src/core/api/channel';
import { methodNames } from '../../../src/core/api/contract';

describe('the Electron window policy (checked as data, without launching Electron)', () => {
  it('gives the renderer no Node, an isolated world and a sandbox', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('keeps navigation inside the app', () => {
    expect(decideNavigation('file:///opt/Tamga/resources/app/out/renderer/index.html#/settings', 'file://')).toBe('allow');
    expect(decideNavigation('https://evil.example/', 'file://')).toBe('deny');
    expect(decideNavigation('http://localhost:5173/#/x', 'http://localhost:5173')).toBe('allow');
    expect(decideNavigation('http://localhost:5174/', 'http://localhost:5173')).toBe('deny');
    expect(decideNavigation('not a url', 'file://')).toBe('deny');
  });

  it('sends only web and mail links to the system browser', () => {
    expect(isOpenableExternally('https://adilet.zan.kz/rus/docs/V2100025100')).toBe(true);
    expect(isOpenableExternally('mailto:broker@example.kz')).toBe(true);
    expect(isOpenableExternally('file:///etc/passwd')).toBe(false);
    expect(isOpenableExternally('javascript:alert(1)')).toBe(false);
    expect(isOpenableExternally('smb://host/share')).toBe(false);
  });

  it('gives each API method its own IPC channel', () => {
    const channels = methodNames.map(channelOf);
    expect(new Set(channels).size).toBe(methodNames.length);
    expect(channels).toContain('tamga:profile.save');
  });
});

describe('the content security policy', () => {
  it('allows the statement stylesheet by its hash, in the server header and in the page itself', async () => {
    const { readFileSync } = await import('node:fs');
    const { STATEMENT_STYLE_CSP_SOURCE } = await import('../../../src/main/statements/render');
    const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/web/security');
    expect(CONTENT_SECURITY_POLICY).toContain(STATEMENT_STYLE_CSP_SOURCE);
    expect(readFileSync('src/renderer/index.html', 'utf8')).toContain(STATEMENT_STYLE_CSP_SOURCE);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('is one policy: the meta tag of the page is the header the shell and browser mode send', async () => {
    const { readFileSync } = await import('node:fs');
    const { CONTENT_SECURITY_POLICY } = await import('../../../src/main/web/security');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync('src/renderer/index.html', 'utf8'));
    // frame-ancestors works only as a header: browsers ignore it in a meta tag
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('replaces whatever policy a response carries and keeps its other headers', async () => {
    const { withContentSecurityPolicy, CONTENT_SECURITY_POLICY } = await import('../../../src/main/shell/policy');
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *; script-src 'unsafe-eval'"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
