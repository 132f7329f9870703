import type { CheckoutState } from '../../contract/index.js';
import type { CheckoutRow } from './ledger-store.js';

/**
 * Where a check-out stands under Art. 13, read from the station clock every time it is shown, so
 * the board is true to the minute without anything rewriting rows. A remote job (Art. 13's
 * exception) is judged the same way: its footage is due promptly after the return, so its deadline
 * runs from the return like any other; the ledger shows the remote flag beside it.
 */
export function checkoutState(row: CheckoutRow, now: number): CheckoutState {
  if (row.returned_at === null || row.deadline_at === null) {
    return row.expected_return_at !== null && now > row.expected_return_at ? 'overdue-return' : 'out';
  }
  if (row.met_at !== null) return row.met_at <= row.deadline_at ? 'ingested' : 'late';
  return now > row.deadline_at ? 'overdue' : 'returned';
}
