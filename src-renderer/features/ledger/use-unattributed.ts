import { useCallback, useEffect, useState } from 'react';
import type { Recording } from '../../../src-main/contract/index.js';
import { useApi } from '../../api/context.js';

/** How many of the recordings last in officer order are read; enough for a day's unattributed footage. */
const tail = 500;

export interface Unattributed {
  /** Newest first. */
  recordings: Recording[];
  /** True when every recording read was unattributed: there may be more than shown. */
  atLeast: boolean;
}

/**
 * Footage recorded since `since` (a station day) that no check-out and no officer number ties to
 * anyone. The list has no filter for it: sorted by officer, recordings without one come last, so
 * the last rows of that order hold them (asked in two steps: how many there are, then the tail).
 */
export function useUnattributed(since: string): { value: Unattributed | null; reload(): void } {
  const api = useApi();
  const [value, setValue] = useState<Unattributed | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    const query = { from: since, sort: 'officer', order: 'asc' } as const;
    void (async () => {
      const counted = await api.call('recordings.list', { ...query, limit: 1 });
      if (!counted.ok) return;
      const last = await api.call('recordings.list', { ...query, offset: Math.max(0, counted.value.total - tail), limit: tail });
      if (!live || !last.ok) return;
      const recordings = last.value.rows.filter((recording) => recording.officer === null);
      recordings.sort((a, b) => (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''));
      setValue({ recordings, atLeast: recordings.length === tail });
    })();
    return () => {
      live = false;
    };
  }, [api, since, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { value, reload };
}
