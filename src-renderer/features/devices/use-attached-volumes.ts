import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { CommandError, StationEvent } from '../../api/types.js';
import { useStationEvents } from '../../hooks/use-station-events.js';
import { applyVolumeEvent, cardsFromList, dismissCard, orderedCards, type VolumeCard, type VolumeCards } from './volume-cards.js';

export interface AttachedVolumes {
  cards: VolumeCard[];
  /** False until `volumes.list` answers. */
  loaded: boolean;
  error: CommandError | null;
  /** The station's last `station.error` (a scanner that cannot read the mount table, say). */
  stationError: string | null;
  dismiss(mountpoint: string): void;
}

/**
 * The list at load, then live from `volume.*` events. Events that arrive while the list is on its
 * way are replayed over it in order: the last word about each volume wins, whichever came first.
 * The list is asked for again whenever the event stream (re)opens: a card recognised before the
 * stream was open would otherwise keep showing "identifying" (its recognition was the only event
 * it would ever send).
 * Command answers (`volumes.match`) are not applied: their event says the same, in order with the rest.
 */
export function useAttachedVolumes(): AttachedVolumes {
  const api = useApi();
  const [cards, setCards] = useState<VolumeCards>({});
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const [stationError, setStationError] = useState<string | null>(null);
  const pending = useRef<StationEvent[] | null>([]);
  /** Each ask's number: only the latest answer counts (an unmount counts as a newer ask). */
  const asked = useRef(0);

  const fetchList = useCallback(() => {
    const ask = (asked.current += 1);
    pending.current ??= [];
    void api.call('volumes.list', {}).then((result) => {
      if (ask !== asked.current) return;
      const buffered = pending.current ?? [];
      pending.current = null;
      setLoaded(true);
      if (result.ok) setCards(buffered.reduce(applyVolumeEvent, cardsFromList(result.value)));
      else {
        setError(result.error);
        setCards((previous) => buffered.reduce(applyVolumeEvent, previous));
      }
    });
  }, [api]);

  useStationEvents((event) => {
    if (event.type === 'station.error') setStationError(event.message);
    if (pending.current) pending.current.push(event);
    else setCards((previous) => applyVolumeEvent(previous, event));
  }, fetchList);

  // Asked at once too, not only when the stream opens: the page shows the cards even while the
  // stream cannot be opened.
  useEffect(() => {
    fetchList();
    return () => {
      asked.current += 1;
    };
  }, [fetchList]);

  const dismiss = useCallback((mountpoint: string) => setCards((previous) => dismissCard(previous, mountpoint)), []);
  return { cards: orderedCards(cards), loaded, error, stationError, dismiss };
}
