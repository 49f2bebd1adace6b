/**
 * Sizes the virtual grid needs in pixels. The CSP forbids style attributes in markup, so they are
 * set through the CSSOM (which the policy allows) as custom properties the stylesheet reads.
 */
import { useLayoutEffect, type RefObject } from 'react';

export function useCssVars(ref: RefObject<HTMLElement | null>, vars: Record<string, string>): void {
  const key = JSON.stringify(vars);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    for (const [name, value] of Object.entries(JSON.parse(key) as Record<string, string>)) el.style.setProperty(name, value);
  }, [ref, key]);
}
