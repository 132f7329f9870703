export type Route =
  | { page: 'import' }
  | { page: 'devices' }
  | { page: 'ledger' }
  | { page: 'recordings'; ingestId: string | null }
  | { page: 'ingests' }
  | { page: 'signoff' }
  | { page: 'workrecords' }
  | { page: 'discs' }
  | { page: 'audit' }
  | { page: 'people' }
  | { page: 'clock' };

/** Hash routes survive a reload under both hosts (custom protocol and local server) with no server help. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  switch (path) {
    case '/devices':
      return { page: 'devices' };
    case '/ledger':
      return { page: 'ledger' };
    case '/recordings':
      return { page: 'recordings', ingestId: params.get('ingest') };
    case '/ingests':
      return { page: 'ingests' };
    case '/signoff':
      return { page: 'signoff' };
    case '/workrecords':
      return { page: 'workrecords' };
    case '/discs':
      return { page: 'discs' };
    case '/audit':
      return { page: 'audit' };
    case '/people':
      return { page: 'people' };
    case '/clock':
      return { page: 'clock' };
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
