// The recordings index: one row per archived content, written at archive time and when described.
export { recordingsModule, type RecordingsModule } from './recordings-module.js';
export {
  allRecordedPaths,
  bagEntries,
  insertRecording,
  pendingMetadata,
  recordingIdByHash,
  saveMetadata,
  setRecordingAttribution,
  thumbnailSource,
  type NewRecording,
} from './recording-store.js';
export { readProblem } from './stored-problem.js';
