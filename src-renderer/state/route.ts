import { useEffect, useState } from 'react';

export type Route =
  | { page: 'import' }
  | { page: 'recordings'; ingestId: string | null }
  | { page: 'ingests' };

/** Hash routes survive a reload under both hosts (custom protocol and local server) with no server help. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  switch (path) {
    case '/recordings':
      return { page: 'recordings', ingestId: params.get('ingest') };
    case '/ingests':
      return { page: 'ingests' };
    default:
      return { page: 'import' };
  }
}

export function routeHref(route: Route): string {
  if (route.page === 'recordings' && route.ingestId) {
    return `#/recordings?${new URLSearchParams({ ingest: route.ingestId }).toString()}`;
  }
  return `#/${route.page}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
