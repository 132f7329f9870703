import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaKind, Recording, RecordingSort } from '../../../src-main/contract/index.js';
import { useApi } from '../../api/context.js';
import type { CommandError } from '../../api/types.js';
import { PageCache } from './page-cache.js';

export interface RecordingFilter {
  search: string;
  kind: MediaKind | null;
  ingestId: string | null;
  /** An officer number, exactly as the file names carry it; empty for everyone's. */
  officer: string;
  importantOnly: boolean;
  deviceId: number | null;
  /** Days as YYYY-MM-DD; empty leaves that end open. */
  from: string;
  to: string;
  damagedOnly: boolean;
  sort: RecordingSort;
  order: 'asc' | 'desc';
}

const pageSize = 200;
// Scrollbar drags cross thousands of rows; only the range the user stops on is fetched.
const settleMs = 60;

export interface RecordingPages {
  /** Null until the first page answers. */
  total: number | null;
  row(index: number): Recording | undefined;
  error: CommandError | null;
  setRange(first: number, last: number): void;
  refresh(): void;
}

export function useRecordingPages(filter: RecordingFilter): RecordingPages {
  const api = useApi();
  const [cache, setCache] = useState(() => new PageCache<Recording>(pageSize));
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [, setVersion] = useState(0);
  const [range, setRangeState] = useState({ first: 0, last: 0 });
  const filterKey = JSON.stringify(filter);
  const current = useRef(cache);
  current.current = cache;
  // The list as it was before a refresh, shown where the new one has no answer yet: a list that
  // emptied and filled again each time an ingest ended would blink under the reader's eyes.
  const before = useRef<PageCache<Recording> | null>(null);

  const refresh = useCallback(() => {
    before.current = current.current;
    setCache(new PageCache<Recording>(pageSize));
    setError(null);
  }, []);

  useEffect(() => {
    refresh();
    // Another filter: the rows shown so far are not this list's.
    before.current = null;
    setTotal(null);
    setRangeState({ first: 0, last: 0 });
  }, [filterKey, refresh]);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      const { search, kind, ingestId, officer, importantOnly, deviceId, from, to, damagedOnly, sort, order } = JSON.parse(filterKey) as RecordingFilter;
      // With no rows on screen (first answer pending, or an empty list) page 0 still tells the total.
      const wanted = range.last < range.first ? cache.missing(0, 0) : cache.missing(range.first, range.last);
      for (const page of wanted) {
        cache.requested(page);
        void api
          .call('recordings.list', {
            ...(search ? { search } : {}),
            ...(kind ? { kind } : {}),
            ...(ingestId ? { ingestId } : {}),
            ...(officer ? { officer } : {}),
            ...(importantOnly ? { important: true } : {}),
            ...(deviceId !== null ? { deviceId } : {}),
            ...(from ? { from } : {}),
            ...(to ? { to } : {}),
            ...(damagedOnly ? { damaged: true } : {}),
            sort,
            order,
            offset: page * pageSize,
            limit: pageSize,
          })
          .then((result) => {
            if (current.current !== cache) return; // the filter changed meanwhile
            if (result.ok) {
              cache.store(page, result.value.rows);
              setTotal(result.value.total);
              setVersion((v) => v + 1);
            } else {
              cache.failed(page);
              setError(result.error);
            }
          });
      }
    }, settleMs);
    return () => window.clearTimeout(timer);
  }, [api, cache, filterKey, range]);

  const setRange = useCallback((first: number, last: number) => {
    setRangeState((previous) => (previous.first === first && previous.last === last ? previous : { first, last }));
  }, []);

  return { total, row: (index) => cache.row(index) ?? before.current?.row(index), error, setRange, refresh };
}
