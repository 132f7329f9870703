// Confidentiality levels (Art. 14): who may view, play and export each recording (issue 9).
export { higherLevel, levels, maySee, type GuardedRecording } from './access.js';
export { confidentialityModule, type ConfidentialityModule } from './confidentiality-module.js';
export { checkoutLevelJoin, guardedRecording } from './confidentiality-store.js';
export { hiddenRecordings, requireSight } from './guard.js';
