import { useEffect, useRef } from 'react';
import { useApi } from '../api/context.js';
import type { StationEvent } from '../api/types.js';

/**
 * Subscribes for the component's lifetime; the latest listener is always the one called, and
 * `onConnected` each time events start to flow (see StationApi.onEvent).
 */
export function useStationEvents(listener: (event: StationEvent) => void, onConnected?: () => void): void {
  const api = useApi();
  const latest = useRef(listener);
  latest.current = listener;
  const latestConnected = useRef(onConnected);
  latestConnected.current = onConnected;
  useEffect(() => api.onEvent((event) => latest.current(event), () => latestConnected.current?.()), [api]);
}
