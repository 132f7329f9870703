import type { Role, SessionStatus } from '../../src-main/contract/index.js';

/**
 * Whether the user holds one of these roles; while the station runs open (no accounts yet) everyone
 * does. Pages only leave out what cannot work with this: the core checks every command again.
 * A plain module, not session.tsx, so the page logic that the unit tests load needs no JSX.
 */
export const hasRole = (status: SessionStatus, roles: readonly Role[]): boolean =>
  status.state === 'open' || (status.person?.roles.some((role) => roles.includes(role)) ?? false);
