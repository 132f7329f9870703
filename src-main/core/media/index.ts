// What a file is and when it was recorded: exiftool and ffprobe behind small modules.
export { createMediaInspector, type MediaInspector, type MediaMetadata } from './inspector.js';
export { kindFromExtension } from './media-kind.js';
export type { MediaProblem } from './readability.js';
export { asStationWallClock, utcDefinedTags } from './recorded-at.js';
