import { extname } from 'node:path';
import type { MediaKind } from '../../contract/index.js';

// What recorders, cameras and voice recorders write. DAV is the Dahua container many Chinese
// body-worn and vehicle recorders use (ffprobe reads it as "dhav").
const VIDEO = ['mp4', 'mov', 'm4v', 'avi', 'mkv', 'webm', 'ts', 'mts', 'm2ts', 'mpg', 'mpeg', 'vob', '3gp', '3g2', 'wmv', 'asf', 'flv', 'dav', 'h264', 'h265', 'hevc'];
const AUDIO = ['wav', 'mp3', 'aac', 'm4a', 'amr', 'awb', 'wma', 'ogg', 'oga', 'opus', 'flac', 'aif', 'aiff', 'ac3'];
const PHOTO = ['jpg', 'jpeg', 'png', 'heic', 'heif', 'tif', 'tiff', 'dng', 'bmp', 'gif', 'webp', 'cr2', 'cr3', 'nef', 'arw', 'orf', 'rw2', 'raf'];
// Logs and sidecars recorders leave beside the footage: never probed as media.
const OTHER = ['txt', 'log', 'csv', 'nmea', 'gps', 'gpx', 'kml', 'xml', 'json', 'ini', 'cfg', 'pdf', 'srt'];

const BY_EXTENSION = new Map<string, MediaKind>([
  ...VIDEO.map((e) => [e, 'video'] as const),
  ...AUDIO.map((e) => [e, 'audio'] as const),
  ...PHOTO.map((e) => [e, 'photo'] as const),
  ...OTHER.map((e) => [e, 'other'] as const),
]);

/** The kind a known extension promises, or null when the extension says nothing. */
export function kindFromExtension(path: string): MediaKind | null {
  return BY_EXTENSION.get(extname(path).slice(1).toLowerCase()) ?? null;
}

/** The kind exiftool's MIME type (read from the file's own header) says, for unknown extensions. */
export function kindFromMime(mime: unknown): MediaKind {
  if (typeof mime !== 'string') return 'other';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('image/')) return 'photo';
  return 'other';
}
