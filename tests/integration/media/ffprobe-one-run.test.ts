import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probe, probeTail, type TailReport } from '../../../src-main/core/media/ffprobe.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { ffmpeg, makeJpeg, makeVideo, truncate } from './make-media.js';

const dir = tempDir('ffprobe-one-run');

beforeAll(async () => {
  await makeVideo(join(dir, 'whole.mp4'), 6, ['-movflags', '+faststart']);
  await truncate(join(dir, 'whole.mp4'), join(dir, 'cut.mp4'), 0.6);
  // Index last, as recorders write it: cut, the file has none and will not open.
  await makeVideo(join(dir, 'index-last.mp4'), 2);
  await truncate(join(dir, 'index-last.mp4'), join(dir, 'no-index.mp4'), 0.6);
  await makeVideo(join(dir, 'phone.mov'), 2);
  // B-frames (frames stored out of order: the movie gets an edit list and a start after zero) and HEVC.
  await makeVideo(join(dir, 'b-frames.mp4'), 2, ['-preset', 'medium', '-bf', '2']);
  await ffmpeg('-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=25', '-c:v', 'libx265', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', join(dir, 'hevc.mp4'));
  await ffmpeg('-f', 'lavfi', '-i', 'sine=duration=2', '-c:a', 'aac', join(dir, 'note.m4a'));
  // Sound with its cover picture: a "video" stream that is not a recording.
  await makeJpeg(join(dir, 'cover.jpg'));
  await ffmpeg('-i', join(dir, 'note.m4a'), '-i', join(dir, 'cover.jpg'), '-map', '0', '-map', '1', '-c', 'copy', '-disposition:v', 'attached_pic', join(dir, 'with-cover.m4a'));
});

// ffprobe names its demuxer by its address in memory, which differs from run to run.
const plain = (lines: string[]): string[] => lines.map((line) => line.replace(/ @ 0x[0-9a-f]+/g, ''));
const withoutAddresses = (report: TailReport): TailReport => ({ ...report, errors: plain(report.errors) });


describe('the streams and the end read in one ffprobe run', () => {
  it.each(['whole.mp4', 'cut.mp4'])('find in %s what a separate read of the end finds', async (name) => {
    const path = join(dir, name);
    const { size } = await stat(path);
    const outcome = await probe(path, { fromSeconds: 3, fileSize: size });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.probe.durationSeconds).toBeCloseTo(6, 0);
    expect(outcome.tail?.fromSeconds).toBe(3);
    expect(outcome.tail && withoutAddresses(outcome.tail.report)).toEqual(withoutAddresses(await probeTail(path, 3, size)));
  });

  it('leave a file that will not open to the plain probe, with its words', async () => {
    const path = join(dir, 'no-index.mp4');
    const withTail = await probe(path, { fromSeconds: 1, fileSize: 1 });
    const alone = await probe(path);
    if (withTail.ok || alone.ok) throw new Error('a file without its index opened');
    expect(plain(withTail.errors)).toEqual(plain(alone.errors));
    expect(withTail.errors.join('\n')).toMatch(/moov atom not found/);
  });
});

describe('a movie header read on its own', () => {
  it.each(['whole.mp4', 'index-last.mp4', 'cut.mp4', 'phone.mov', 'b-frames.mp4', 'hevc.mp4', 'note.m4a', 'with-cover.m4a'])(
    'gives for %s the streams, length and start the probe that decodes the first frames gives',
    async (name) => {
      const path = join(dir, name);
      const { size } = await stat(path);
      const full = await probe(path, { fromSeconds: 1, fileSize: size });
      const header = await probe(path, { fromSeconds: 1, fileSize: size }, true);
      if (!full.ok || !header.ok) throw new Error(`${name} did not open`);
      expect(header.probe).toEqual(full.probe);
      expect(header.tail && { ...header.tail, report: withoutAddresses(header.tail.report) }).toEqual(full.tail && { ...full.tail, report: withoutAddresses(full.tail.report) });
    },
  );

  it('leaves a file without its header to the plain probe, with its words', async () => {
    const path = join(dir, 'no-index.mp4');
    const header = await probe(path, { fromSeconds: 1, fileSize: 1 }, true);
    const alone = await probe(path);
    if (header.ok || alone.ok) throw new Error('a file without its index opened');
    expect(plain(header.errors)).toEqual(plain(alone.errors));
  });
});
