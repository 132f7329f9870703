// Files a recorder writes, made fast and real enough that the station's metadata stage does what it
// does on real footage: random bytes named .MP4 are no video, and ffprobe tries every demuxer on
// them (about 50 ms of CPU a file), a cost real recordings never have. Each file's bytes differ
// (a tag in its metadata, or after the JPEG's end), or the station would rightly call the later
// copies duplicates.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { ffmpegPath } from '../../out/native-tools/binaries.js';
import { hashFile, mustRun, writeRandom } from './tools.mjs';

/**
 * Ten seconds of 1080p at 16 Mb/s constant rate with sound, as a body-worn recorder writes it (H.264
 * CBR, about 2 MB/s, a key frame every second): the stream every .MP4 of the bench loops. testsrc2's moving picture, not
 * noise: the station looks for a calibration QR code in the first seconds of footage, and noise is
 * the worst case for that search, never the real one.
 */
async function recorderClip(scratch) {
  const path = join(scratch, 'recorder-base.mp4');
  if (!existsSync(path)) {
    await mustRun(ffmpegPath(), [
      '-v', 'error', '-y',
      '-f', 'lavfi', '-i', 'testsrc2=s=1920x1080:r=25:d=10',
      '-f', 'lavfi', '-i', 'sine=duration=10',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-b:v', '16M', '-minrate', '16M', '-maxrate', '16M', '-bufsize', '16M', '-x264-params', 'nal-hrd=cbr',
      '-c:a', 'aac', '-shortest', path,
    ]);
  }
  return path;
}

/** One 2048×1536 photo of noise (about 2 MB, as a recorder's), made once. */
async function noisePhoto(scratch) {
  const path = join(scratch, 'noise-base.jpg');
  if (!existsSync(path)) {
    await mustRun(ffmpegPath(), ['-v', 'error', '-y', '-f', 'lavfi', '-i', "nullsrc=s=2048x1536:d=1,geq=lum='random(1)*255':cb=128:cr=128", '-frames:v', '1', '-q:v', '2', path]);
  }
  return path;
}

/** A PCM WAV header for `dataBytes` of 48 kHz 16-bit mono. */
function wavHeader(dataBytes) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(48_000, 24);
  header.writeUInt32LE(96_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/**
 * A layout's size for a short clip: five seconds of 640×360 with sound, whatever the scale. The
 * station's clock search treats a clip of ten seconds or less on its own, so every card has one.
 */
export const shortClip = 'short-clip';

/**
 * Writes a recorder-like file of about `bytes` at `path` (an .MP4 stops at the last whole packet
 * under it; `shortClip` is the short clip); returns its SHA-256. Other extensions are random bytes,
 * as logs and the like are.
 */
export async function writeRecorderFile(path, bytes, tag, scratch) {
  await mkdir(dirname(path), { recursive: true });
  const ext = extname(path).toUpperCase();
  if (bytes === shortClip) {
    await mustRun(ffmpegPath(), [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=5:size=640x360:rate=25',
      '-f', 'lavfi', '-i', 'sine=duration=5', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac',
      '-metadata', `comment=${tag}`, '-f', 'mp4', path,
    ]);
  } else if (ext === '.MP4') {
    await mustRun(ffmpegPath(), ['-v', 'error', '-y', '-stream_loop', '-1', '-i', await recorderClip(scratch), '-c', 'copy', '-fs', String(bytes), '-metadata', `comment=${tag}`, '-f', 'mp4', path]);
  } else if (ext === '.WAV') {
    const data = bytes - 44 - ((bytes - 44) % 2);
    await writeFile(path, Buffer.concat([wavHeader(data), randomBytes(data)]));
  } else if (ext === '.JPG') {
    // Bytes after the end-of-image marker are ignored by every reader: the tag makes each photo its own.
    await writeFile(path, Buffer.concat([await readFile(await noisePhoto(scratch)), Buffer.from(tag)]));
  } else {
    return writeRandom(path, bytes);
  }
  return hashFile(path);
}

/** Fills `root` with recorder-like files of `layout` ([relative path, bytes or `shortClip`]); returns each file's SHA-256. */
export async function fillWith(root, layout, scratch) {
  const expected = new Map();
  for (const [relative, bytes] of layout) expected.set(relative, await writeRecorderFile(join(root, relative), bytes, `${root}/${relative}`, scratch));
  return expected;
}
