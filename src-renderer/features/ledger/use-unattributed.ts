import { useCallback, useEffect, useState } from 'react';
import type { Recording } from '../../../src-main/contract/index.js';
import { useApi } from '../../api/context.js';

export interface Unattributed {
  /** How many there are. */
  total: number;
  /** The newest of them. */
  recordings: Recording[];
}

/** Footage recorded since `since` (a station day) that no check-out and no officer number ties to anyone: how many, and the newest `shown`. */
export function useUnattributed(since: string, shown: number): { value: Unattributed | null; reload(): void } {
  const api = useApi();
  const [value, setValue] = useState<Unattributed | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const page = await api.call('recordings.list', { from: since, unattributed: true, sort: 'time', order: 'desc', limit: shown });
      if (live && page.ok) setValue({ total: page.value.total, recordings: page.value.rows });
    })();
    return () => {
      live = false;
    };
  }, [api, since, shown, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { value, reload };
}
