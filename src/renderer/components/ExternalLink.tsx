/**
 * The only way to render a link to another site. A link that navigated the app's own page would
 * replace the whole app (and in Electron leave the broker inside a foreign page), so outside
 * links always target a new browsing context: Electron's window-open handler hands them to the
 * system browser, a browser opens a tab. `noopener noreferrer` keeps the opened page from
 * reaching back into the app and from learning its loopback address.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const WEB_PROTOCOLS = new Set(['https:', 'http:']);

function isWebUrl(href: string): boolean {
  try {
    return WEB_PROTOCOLS.has(new URL(href).protocol);
  } catch {
    return false;
  }
}

interface ExternalLinkProps {
  href: string;
  children: ReactNode;
  className?: string;
}

export function ExternalLink({ href, children, className }: ExternalLinkProps) {
  const { t } = useTranslation();
  // Only absolute web addresses qualify: a relative or script URL is not an outside site.
  if (!isWebUrl(href)) return <span className={className}>{children}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={['external-link', className].filter(Boolean).join(' ')}
    >
      {children}
      <span className="visually-hidden"> {t('frame.opensInBrowser')}</span>
      <span className="external-link__mark" aria-hidden="true">
        ↗
      </span>
    </a>
  );
}
