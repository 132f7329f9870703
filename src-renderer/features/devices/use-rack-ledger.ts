import { useEffect, useMemo, useRef } from 'react';
import { useCommand } from '../../hooks/use-command.js';
import { useLedgerChanges } from '../ledger/use-ledger-changes.js';
import { ledgerWord, type LedgerWord } from './volume-rack.js';

type Officer = ReturnType<LedgerWord['officerOf']>;

/**
 * The ledger's word for the rack, read again whenever the ledger moves. A check-out met by its
 * ingest leaves `ledger.deadlines`; the officer seen on it stays on the card until the page closes.
 */
export function useRackLedger(): LedgerWord {
  const deadlines = useCommand('ledger.deadlines', {});
  useLedgerChanges(deadlines.reload);
  const seen = useRef(new Map<number, NonNullable<Officer>>());
  const rows = deadlines.value;
  // The rows of this answer are asked first; by the next answer they are among those seen.
  useEffect(() => {
    for (const row of rows ?? []) seen.current.set(row.device.id, row.officer);
  }, [rows]);
  return useMemo(() => {
    const word = ledgerWord(rows ?? []);
    return { ...word, officerOf: (deviceId: number) => word.officerOf(deviceId) ?? seen.current.get(deviceId) ?? null };
  }, [rows]);
}
