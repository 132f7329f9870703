// One frame per video for the recordings list, made once with ffmpeg and cached by content hash.
export { thumbnailsModule } from './thumbnails-module.js';
