import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExifReader } from '../../../src-main/core/media/exiftool.js';
import { probe } from '../../../src-main/core/media/ffprobe.js';
import { tailStart } from '../../../src-main/core/media/readability.js';
import { sameWindow, tailGuess } from '../../../src-main/core/media/tail-window.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { ffmpeg } from './make-media.js';

const dir = tempDir('tail-window');
const exif = createExifReader({ maxProcs: 1 });

/**
 * As a body camera writes them: H.264 with AAC sound, the index after the data. The sound does not
 * end with the picture (AAC comes in frames of 1024 samples), so the header's duration and the
 * end ffprobe finds once it has read the packets differ by a few hundredths of a second.
 */
async function recorderVideo(name: string, seconds: number, rate: number): Promise<string> {
  const path = join(dir, name);
  await ffmpeg(
    '-f', 'lavfi', '-i', `testsrc=duration=${seconds}:size=320x240:rate=${rate}`,
    '-f', 'lavfi', '-i', `sine=duration=${seconds + 0.3}:sample_rate=48000`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(rate), '-c:a', 'aac', '-shortest', path,
  );
  return path;
}

let videos: string[] = [];
beforeAll(async () => {
  videos = await Promise.all([recorderVideo('a.mp4', 7, 25), recorderVideo('b.mp4', 12, 30), recorderVideo('c.mp4', 2, 25)]);
});
afterAll(() => exif.end());

describe("the end of a recording read in the probe's own run", () => {
  it('begins early enough for the check, so no recording is read a second time', async () => {
    for (const path of videos) {
      const guess = tailGuess(await exif.read(path, 'media'), (await stat(path)).size);
      expect(guess, path).not.toBeNull();
      const outcome = await probe(path, guess);
      if (!outcome.ok) throw new Error(`${path}: ${outcome.errors.join('; ')}`);
      const from = tailStart(outcome.probe);
      expect(from, path).not.toBeNull();
      expect(sameWindow(outcome.tail, from ?? 0), `${path}: read from ${outcome.tail?.fromSeconds}, check from ${from}`).toBe(true);
    }
  });
});
