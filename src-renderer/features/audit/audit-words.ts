/**
 * Actions the interface has words for (`auditAction.<action>`); any other is shown as recorded.
 * The ledger's are named before they land, so the page needs no change when they do.
 */
export const knownActions = [
  'devices.add',
  'devices.update',
  'devices.setMetadataLocalTime',
  'volumes.match',
  'settings.update',
  'recordings.get',
  'recordings.play',
  'ingest.start',
  'ingest.cancel',
  'ingest.finish',
  'ingest.receipt',
  'people.add',
  'people.update',
  'people.setPassword',
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-in-refused',
  'account.locked',
  'session.sign-out',
  'session.locked',
  'session.unlock',
  'session.unlock-failed',
  'session.changePassword',
  'ledger.checkout',
  'ledger.checkin',
  'ledger.lateReason',
  'ledger.export',
  'confidentiality.classify',
  'confidentiality.grant',
] as const;

/** Roles with a name in `roles.*`; `station` (the station's own rows) has its own; any other is shown as recorded. */
const knownRoles: readonly string[] = ['officer', 'clerk', 'lead', 'head', 'auditor', 'admin'];

/** The i18n key that names an action, or null: show it as recorded. */
export const actionKey = (action: string): string | null => ((knownActions as readonly string[]).includes(action) ? `auditAction.${action}` : null);

export function roleKey(role: string): string | null {
  if (role === 'station') return 'audit.station';
  return knownRoles.includes(role) ? `roles.${role}` : null;
}
