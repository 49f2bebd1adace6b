import { useEffect, useSyncExternalStore } from 'react';
import { ROUTES, hrefOf, type Route } from './routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/**
 * The current screen, from the address's hash (`#/settings`), so a reload or a bookmark lands
 * on the same screen and the browser's Back button works. An empty or unknown hash shows the
 * first screen and is replaced (not pushed) with its address, so Back never returns to it.
 */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash);
  // `#/cases/12` belongs to the `cases` screen, which reads the rest of the address itself.
  const found = ROUTES.find((route) => hash === hrefOf(route) || hash.startsWith(`${hrefOf(route)}/`));
  const route = found ?? ROUTES[0];

  useEffect(() => {
    if (found) return;
    const url = new URL(window.location.href);
    url.hash = hrefOf(route);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }, [found, route]);

  return route;
}
