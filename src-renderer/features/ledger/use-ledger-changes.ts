import { useStationEvents } from '../../hooks/use-station-events.js';

/**
 * Asks again whenever the ledger moves: a check-out, a check-in or a reason given anywhere (another
 * window, the CLI), and an ingest that ends, which may meet a deadline or make one late; and when
 * the event stream (re)opens, since it may have moved unheard before.
 */
export function useLedgerChanges(reload: () => void): void {
  useStationEvents((event) => {
    if (event.type === 'ledger.changed' || event.type === 'ingest.completed' || event.type === 'ingest.failed') reload();
  }, reload);
}
