// Evidence export (issue 9): a checkable BagIt package of original files with their custody report.
export { evidenceExportModule } from './export-module.js';
// For the archival discs (issue 10): the same facts, payload layout and custody files as a package.
export { ingestFacts, recordingsByIds, recordingsOfCheckout, recordingsOfIngest, type RecordingFacts } from './custody-facts.js';
export { levelOfFacts, writeCustodyFiles } from './custody-files.js';
export { payloadPath } from './make-package.js';
export { hiddenFrom, namedRecordings } from './named-recordings.js';
export { writeApprovalFiles } from './approval-files.js';
export { copyVerified } from './copy-verified.js';
export { idsJson } from './export-store.js';
