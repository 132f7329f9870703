import { useEffect, useRef } from 'react';
import { useApi } from '../api/context.js';
import type { StationEvent } from '../api/types.js';

/** Subscribes for the component's lifetime; the latest listener is always the one called. */
export function useStationEvents(listener: (event: StationEvent) => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => api.onEvent((event) => latest.current(event)), [api]);
}
