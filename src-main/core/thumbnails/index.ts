// One frame per video for the recordings list, made once with ffmpeg and cached by content hash.
export { thumbnailFolder, thumbnailsModule, type ThumbnailsModule } from './thumbnails-module.js';
