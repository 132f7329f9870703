import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CommandError, CommandOutput } from '../api/types.js';
import { useApi } from '../api/context.js';
import { stationTimeFormatter, type TimeFormatter } from '../format/station-time.js';

export type StationInfo = CommandOutput<'station.info'>;

export interface StationView {
  info: StationInfo;
  /** Station clock minus this computer's clock, so the header can tick without asking again. */
  offsetMs: number;
  formatTime: TimeFormatter;
}

const StationContext = createContext<StationView | null>(null);

export function useStation(): StationView {
  const view = useContext(StationContext);
  if (!view) throw new Error('useStation outside StationProvider');
  return view;
}

type Load = { state: 'loading' } | { state: 'failed'; error: CommandError } | { state: 'ready'; view: StationView };

export function useStationInfoLoad(): Load {
  const api = useApi();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const askedAt = Date.now();
    void api.call('station.info', {}).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setLoad({ state: 'failed', error: result.error });
        return;
      }
      // Half the round trip is the best guess of when the station read its clock.
      const receivedAt = Date.now();
      const offsetMs = Date.parse(result.value.now) - (askedAt + receivedAt) / 2;
      setLoad({
        state: 'ready',
        view: { info: result.value, offsetMs, formatTime: stationTimeFormatter(result.value.zone) },
      });
    });
    return () => {
      live = false;
    };
  }, [api]);
  return load;
}

export function StationProvider({ view, children }: { view: StationView; children: ReactNode }) {
  return <StationContext.Provider value={view}>{children}</StationContext.Provider>;
}
