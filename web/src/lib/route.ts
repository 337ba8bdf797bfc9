/** Hash routing (#/loans, #/timeline?collector=3): no router library, and reloads keep the page. */
import { useEffect, useState } from 'react';
import type { PageKey } from '../api/types.js';

export const PAGES: readonly PageKey[] = ['overview', 'loans', 'import', 'timeline', 'findings', 'evidence', 'documents', 'contacts', 'settings', 'plan', 'followup', 'report'];

export interface Route {
  page: PageKey;
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.replace(/^#\/?/, '');
  const [path = '', q = ''] = h.split('?');
  const page = (PAGES as readonly string[]).includes(path) ? (path as PageKey) : 'overview';
  return { page, params: new URLSearchParams(q) };
}

export function navigate(page: PageKey, params?: Record<string, string | number>): void {
  const q = params ? new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString() : '';
  window.location.hash = `#/${page}${q ? `?${q}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
