// The device ledger (台账): check-outs with their pre-use checks, check-ins, and the 24-hour rule.
export { ledgerModule, type LedgerModule } from './ledger-module.js';
export type { VerifiedIngest } from './meet-deadline.js';
export { checkoutWindows, type CheckoutWindow } from './ledger-store.js';
