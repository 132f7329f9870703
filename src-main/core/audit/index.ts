// Art. 18: every change and every view of evidence in a hash chain, signed at checkpoints by the station's own key.
export { auditModule } from './audit-module.js';
export { auditHead, auditRowsAbout, type AuditLogRow } from './audit-store.js';
export { canonicalJson } from './canonical-json.js';
export { AuditTrail } from './audit-trail.js';
export { openStationKey } from './station-key.js';
