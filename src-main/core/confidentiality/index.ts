// Confidentiality levels (Art. 14): who may view, play and export each recording (issue 9).
export { higherLevel, levels, maySee, type GuardedRecording } from './access.js';
