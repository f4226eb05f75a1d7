// The reader's addresses: / (the list, ?q= a search), /articles/:id, /export. The Worker's static
// assets answer each of them with index.html (single-page-application fallback).

export type Route = { kind: 'list'; q: string } | { kind: 'article'; id: string } | { kind: 'export' };

export function parseRoute(location: { pathname: string; search: string }): Route {
  const article = location.pathname.match(/^\/articles\/([^/]+)$/);
  if (article) return { kind: 'article', id: decodeURIComponent(article[1]!) };
  if (location.pathname === '/export') return { kind: 'export' };
  return { kind: 'list', q: new URLSearchParams(location.search).get('q')?.trim() ?? '' };
}

export function routeHref(route: Route): string {
  switch (route.kind) {
    case 'article':
      return `/articles/${encodeURIComponent(route.id)}`;
    case 'export':
      return '/export';
    default:
      return route.q ? `/?${new URLSearchParams({ q: route.q })}` : '/';
  }
}
