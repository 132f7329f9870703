// The device ledger (台账): check-outs with their pre-use checks, check-ins, and the 24-hour rule.
export { checkoutWindows, type CheckoutWindow } from './ledger-store.js';
