import { stat } from 'node:fs/promises';
import { IANAZone, type Zone } from 'luxon';
import type { MediaKind } from '../../contract/index.js';
import { createExifReader, type RawTags } from './exiftool.js';
import { probe, probeTail, type Probe, type ProbeOutcome, type ProbeStream, type ReadTail } from './ffprobe.js';
import { kindFromExtension, kindFromMime } from './media-kind.js';
import { readPcmWav } from './pcm-wav.js';
import { judgePcmWav, judgeTail, tailStart, unreadable, unreadableProbe, type MediaProblem, type Readability } from './readability.js';
import { sameWindow, tailGuess } from './tail-window.js';
import { recordedAt } from './recorded-at.js';
import { selectTags } from './selected-tags.js';

export interface MediaMetadata {
  kind: MediaKind;
  /** ISO-8601 with offset, in the station zone. */
  recordedAt: string | null;
  /** The tag recordedAt came from (`QuickTime:CreateDate`, `EXIF:DateTimeOriginal`, ...) or `file-name`; never the file system. */
  recordedAtSource: string | null;
  durationSeconds: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  /** Video/audio: ffprobe opens it (an uncompressed WAV: its own header is read) and its data reaches the declared end. Photo/other: null unless a check failed. */
  readable: boolean | null;
  problem: MediaProblem | null;
  tags: Record<string, string | number | null>;
}

export interface MediaInspector {
  /** Never throws for a bad or missing file: returns its kind with readable:false and a problem. */
  inspect(path: string): Promise<MediaMetadata>;
  /** Ends the exiftool process pool. */
  close(): Promise<void>;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function emptyMetadata(kind: MediaKind): MediaMetadata {
  return {
    kind, recordedAt: null, recordedAtSource: null, durationSeconds: null, codec: null,
    width: null, height: null, readable: null, problem: null, tags: {},
  };
}

function mainStream(kind: MediaKind, streams: ProbeStream[]): ProbeStream | undefined {
  const video = streams.find((s) => s.type === 'video' && !s.attachedPicture);
  const audio = streams.find((s) => s.type === 'audio');
  return kind === 'video' ? (video ?? audio) : (audio ?? video);
}

async function avReadability(path: string, outcome: Probe, read: ReadTail | null, fileSize: number): Promise<Readability> {
  if (!outcome.streams.some((s) => s.type === 'audio' || (s.type === 'video' && !s.attachedPicture))) {
    return unreadable('no-stream', 'The file holds no audio or video stream.');
  }
  const from = tailStart(outcome);
  if (from === null) return { readable: true, problem: null };
  return judgeTail(outcome, sameWindow(read, from) ? read.report : await probeTail(path, from, fileSize));
}

function photoSize(tags: RawTags): { width: number | null; height: number | null } {
  const size = tags['Composite:ImageSize'];
  const m = typeof size === 'string' ? /^(\d+)[ x](\d+)$/.exec(size) : null;
  if (m) return { width: Number(m[1]), height: Number(m[2]) };
  const w = tags['File:ImageWidth'];
  const h = tags['File:ImageHeight'];
  return { width: typeof w === 'number' ? w : null, height: typeof h === 'number' ? h : null };
}

function photoCodec(tags: RawTags): string | null {
  const type = tags['File:FileType'];
  return typeof type === 'string' ? type.toLowerCase() : null;
}

export function createMediaInspector(options: { zone: string; maxProcs?: number }): MediaInspector {
  if (!IANAZone.isValidZone(options.zone)) throw new Error(`Unknown time zone: ${options.zone}`);
  const station: Zone = IANAZone.create(options.zone);
  const exif = createExifReader({ maxProcs: options.maxProcs ?? 2 });

  async function readTags(path: string, kind: MediaKind | null): Promise<{ tags: RawTags; error: string | null }> {
    try {
      return { tags: await exif.read(path, kind === 'photo' ? 'photo' : 'media'), error: null };
    } catch (error) {
      return { tags: {}, error: reason(error) };
    }
  }

  async function inspect(path: string): Promise<MediaMetadata> {
    const byExtension = kindFromExtension(path);
    let fileSize: number;
    try {
      fileSize = (await stat(path)).size;
    } catch (error) {
      return { ...emptyMetadata(byExtension ?? 'other'), ...unreadable('cannot-open', `The file cannot be opened: ${reason(error)}`) };
    }
    // exiftool first: the duration it reads lets one ffprobe run judge both the streams and the end.
    const { tags, error: exifError } = await readTags(path, byExtension);
    const kind = byExtension ?? kindFromMime(tags['File:MIMEType']);
    const result = emptyMetadata(kind);
    result.tags = selectTags(tags);
    const when = recordedAt(tags, path, station);
    if (when) {
      result.recordedAt = when.at;
      result.recordedAtSource = when.source;
    }

    const wav = kind === 'audio' && tags['File:FileType'] === 'WAV' ? await readPcmWav(path).catch(() => null) : null;
    if (wav !== null) {
      result.durationSeconds = wav.declaredSeconds;
      result.codec = wav.codec;
      Object.assign(result, judgePcmWav(wav));
    } else if (kind === 'video' || kind === 'audio') {
      const movieLength = tags['QuickTime:Duration'];
      // A movie header with a length lists its streams; a fragmented MP4's says 0 and leaves them to its fragments.
      const outcome = await safeProbe(path, tailGuess(tags, fileSize), typeof movieLength === 'number' && movieLength > 0);
      if (!outcome.ok) {
        Object.assign(result, unreadableProbe(outcome.errors, tags['QuickTime:MediaDataOffset'] !== undefined));
        return result;
      }
      const stream = mainStream(kind, outcome.probe.streams);
      result.durationSeconds = outcome.probe.durationSeconds;
      result.codec = stream?.codec ?? null;
      result.width = stream?.width ?? null;
      result.height = stream?.height ?? null;
      Object.assign(result, await avReadability(path, outcome.probe, outcome.tail, fileSize).catch(
        (error: unknown): Readability => unreadable('end-unchecked', `The end of the file could not be checked: ${reason(error)}`),
      ));
    } else if (kind === 'photo') {
      Object.assign(result, photoSize(tags));
      result.codec = photoCodec(tags);
      const error = exifError ?? tags['ExifTool:Error'];
      if (error !== undefined && error !== null) {
        Object.assign(result, unreadable('image-unreadable', `exiftool cannot read this image: ${String(error)}`));
      }
    }
    return result;
  }

  return { inspect, close: () => exif.end() };
}

// ffprobe missing or failing to start is reported on the file, like any other unreadable result.
async function safeProbe(path: string, tail: { fromSeconds: number; fileSize: number } | null, streamsInHeader: boolean): Promise<ProbeOutcome> {
  try {
    return await probe(path, tail, streamsInHeader);
  } catch (error) {
    return { ok: false, errors: [reason(error)] };
  }
}
