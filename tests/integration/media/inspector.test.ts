// The process runs in UTC and the station in Asia/Shanghai: a zoneless date read in the process
// zone would come out eight hours off, so every recordedAt below tells the two apart.
process.env.TZ = 'UTC';

import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaInspector, type MediaInspector } from '../../../src-main/core/media/inspector.js';
import { createTagWriter, ffmpeg, makeJpeg, makeVideo, truncate } from './make-media.js';

let dir: string;
let station: MediaInspector;
let tokyo: MediaInspector;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'media-inspector-'));
  station = createMediaInspector({ zone: 'Asia/Shanghai' });
  tokyo = createMediaInspector({ zone: 'Asia/Tokyo', maxProcs: 1 });

  const recorded = ['-metadata', 'creation_time=2026-11-26T00:30:15Z'];
  await makeVideo(file('recorder.mp4'), 2, recorded);
  await truncate(file('recorder.mp4'), file('flat-battery.mp4'), 0.6);
  // Index first, then the data: the index survives a cut and promises data that is not there.
  await makeVideo(file('indexed-first.mp4'), 6, [...recorded, '-movflags', '+faststart']);
  await truncate(file('indexed-first.mp4'), file('cut-tail.mp4'), 0.6);
  await makeVideo(file('long.mkv'), 6);
  await truncate(file('long.mkv'), file('cut-tail.mkv'), 0.6);
  await makeVideo(file('DSJ_20261126083015.mp4'), 1);
  await makeVideo(file('phone.mov'), 1, [
    '-movflags', 'use_metadata_tags', '-metadata', 'com.apple.quicktime.creationdate=2026-11-26T09:30:15+0900',
  ]);
  await copyFile(file('recorder.mp4'), file('clip.qqq'));
  await copyFile(file('recorder.mp4'), file('执法记录 01 现场.mp4'));

  await ffmpeg('-f', 'lavfi', '-i', 'sine=duration=2', '-write_bext', '1',
    '-metadata', 'origination_date=2026-11-26', '-metadata', 'origination_time=08:30:15', file('interview.wav'));
  await ffmpeg('-f', 'lavfi', '-i', 'sine=duration=2', '-c:a', 'aac', ...recorded, file('note.m4a'));
  await ffmpeg('-f', 'lavfi', '-i', 'sine=duration=2', '-c:a', 'libmp3lame', '-metadata', 'date=2026-11-26 08:30:15', file('memo.mp3'));

  const writer = createTagWriter();
  try {
    await makeJpeg(file('offset.jpg'));
    await writer.write(file('offset.jpg'), {
      DateTimeOriginal: '2026:11:26 09:30:15', OffsetTimeOriginal: '+09:00', Make: 'ACME', Model: 'DSJ-7',
    });
    await makeJpeg(file('no-offset.jpg'));
    await writer.write(file('no-offset.jpg'), { DateTimeOriginal: '2026:11:26 08:30:15' });
  } finally {
    await writer.end();
  }

  await writeFile(file('track.log'), '$GPRMC,003015.00,A,3114.1000,N,12128.5000,E,0.0,0.0,261126,,,A*6C\n');
  // Fixed bytes, not random ones: random bytes now and then carry some format's magic number.
  await writeFile(file('blob.qqq'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + 7) % 251)));
  await writeFile(file('fake.mp4'), 'this is not a video\n');
});

afterAll(async () => {
  await station?.close();
  await tokyo?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the process zone', () => {
  it('is UTC, unlike the station', () => {
    expect(new Date('2026-11-26T08:30:15').toISOString()).toBe('2026-11-26T08:30:15.000Z');
  });
});

describe('a finished recorder video', () => {
  it('gives kind, UTC QuickTime date in the station zone, duration, codec and size', async () => {
    const m = await station.inspect(file('recorder.mp4'));
    expect(m).toMatchObject({
      kind: 'video',
      recordedAt: '2026-11-26T08:30:15.000+08:00',
      recordedAtSource: 'QuickTime:CreateDate',
      codec: 'h264',
      width: 320,
      height: 240,
      readable: true,
      problem: null,
    });
    expect(m.durationSeconds).toBeCloseTo(2, 1);
    expect(m.tags['File:MIMEType']).toBe('video/mp4');
    expect(m.tags['QuickTime:CreateDate']).toBe('2026:11:26 00:30:15');
  });

  it('is expressed in whichever zone the station is in', async () => {
    const m = await tokyo.inspect(file('recorder.mp4'));
    expect(m.recordedAt).toBe('2026-11-26T09:30:15.000+09:00');
  });

  it('takes an Apple creation date with its own offset before the UTC header date', async () => {
    const m = await station.inspect(file('phone.mov'));
    expect(m.recordedAt).toBe('2026-11-26T08:30:15.000+08:00');
    expect(m.recordedAtSource).toBe('QuickTime:CreationDate');
  });

  it('falls back to the time in the recorder file name when the header date is unset', async () => {
    const m = await station.inspect(file('DSJ_20261126083015.mp4'));
    expect(m.tags['QuickTime:CreateDate']).toBe('0000:00:00 00:00:00');
    expect(m.recordedAt).toBe('2026-11-26T08:30:15.000+08:00');
    expect(m.recordedAtSource).toBe('file-name');
  });
});

describe('a video cut short', () => {
  it('without its index (flat battery before moov was written) is unreadable, not an exception', async () => {
    const m = await station.inspect(file('flat-battery.mp4'));
    expect(m).toMatchObject({ kind: 'video', readable: false, durationSeconds: null, codec: null, recordedAt: null });
    expect(m.problem).toMatchObject({ code: 'unfinished', playsSeconds: null });
    expect(m.problem?.text).toMatch(/index \(the MP4\/MOV "moov" atom\) is missing/);
  });

  it('with its index first but the data cut is unreadable, and keeps the declared length and date', async () => {
    const whole = await station.inspect(file('indexed-first.mp4'));
    expect(whole.readable).toBe(true);
    const m = await station.inspect(file('cut-tail.mp4'));
    expect(m).toMatchObject({ kind: 'video', readable: false, codec: 'h264', recordedAt: '2026-11-26T08:30:15.000+08:00' });
    expect(m.durationSeconds).toBeCloseTo(6, 1);
    expect(['end-missing', 'index-past-end', 'cut-short']).toContain(m.problem?.code);
    expect(m.problem?.text).toMatch(/end of the recording is missing|cut short/);
  });

  it('in Matroska stops before its declared end and says where', async () => {
    expect((await station.inspect(file('long.mkv'))).readable).toBe(true);
    const m = await station.inspect(file('cut-tail.mkv'));
    expect(m.readable).toBe(false);
    expect(m.problem?.text).toMatch(/^The data stops at [0-9.]+ s although the file declares 6\.0 s: the recording was cut short\.$/);
    // The interface says how much still plays: the same seconds the words give, short of the 6 declared.
    expect(m.problem?.code).toBe('cut-short');
    expect(m.problem?.text).toContain(`${m.problem?.playsSeconds?.toFixed(1)} s`);
    expect(m.problem?.playsSeconds).toBeLessThan(6);
  });
});

describe('audio', () => {
  it('reads a WAV broadcast-extension date as the station wall clock', async () => {
    const m = await station.inspect(file('interview.wav'));
    expect(m).toMatchObject({
      kind: 'audio', recordedAt: '2026-11-26T08:30:15.000+08:00', recordedAtSource: 'RIFF:DateTimeOriginal',
      codec: 'pcm_s16le', width: null, height: null, readable: true, problem: null,
    });
    expect(m.durationSeconds).toBeCloseTo(2, 2);
  });

  it('reads an M4A header date as UTC', async () => {
    const m = await station.inspect(file('note.m4a'));
    expect(m).toMatchObject({
      kind: 'audio', recordedAt: '2026-11-26T08:30:15.000+08:00', recordedAtSource: 'QuickTime:CreateDate', codec: 'aac', readable: true,
    });
    expect(m.durationSeconds).toBeCloseTo(2, 1);
  });

  it('reads an MP3 ID3 recording time as the station wall clock', async () => {
    const m = await station.inspect(file('memo.mp3'));
    expect(m).toMatchObject({
      kind: 'audio', recordedAt: '2026-11-26T08:30:15.000+08:00', recordedAtSource: 'ID3:RecordingTime', codec: 'mp3', readable: true,
    });
    expect(m.durationSeconds).toBeGreaterThan(1.9);
    expect(m.durationSeconds).toBeLessThan(2.2);
  });
});

describe('photos', () => {
  it('convert EXIF DateTimeOriginal with OffsetTimeOriginal to the station zone', async () => {
    const m = await station.inspect(file('offset.jpg'));
    expect(m).toMatchObject({
      kind: 'photo', recordedAt: '2026-11-26T08:30:15.000+08:00', recordedAtSource: 'EXIF:DateTimeOriginal',
      codec: 'jpeg', width: 320, height: 240, durationSeconds: null, readable: null, problem: null,
    });
    expect(m.tags).toMatchObject({ 'EXIF:Make': 'ACME', 'EXIF:Model': 'DSJ-7', 'EXIF:OffsetTimeOriginal': '+09:00' });
  });

  it('read a DateTimeOriginal without offset in the station zone, never the process zone', async () => {
    expect((await station.inspect(file('no-offset.jpg'))).recordedAt).toBe('2026-11-26T08:30:15.000+08:00');
    expect((await tokyo.inspect(file('no-offset.jpg'))).recordedAt).toBe('2026-11-26T08:30:15.000+09:00');
  });
});

describe('other files', () => {
  it('a GPS log is kind other, not probed, no date', async () => {
    const m = await station.inspect(file('track.log'));
    expect(m).toEqual({
      kind: 'other', recordedAt: null, recordedAtSource: null, durationSeconds: null, codec: null,
      width: null, height: null, readable: null, problem: null,
      tags: { 'File:FileType': 'TXT', 'File:MIMEType': 'text/plain' },
    });
  });

  it('an unknown extension holding an MP4 is recognised from its content', async () => {
    const m = await station.inspect(file('clip.qqq'));
    expect(m).toMatchObject({ kind: 'video', codec: 'h264', readable: true, recordedAt: '2026-11-26T08:30:15.000+08:00' });
    expect(m.durationSeconds).toBeCloseTo(2, 1);
  });

  it('an unknown extension holding noise is kind other', async () => {
    const m = await station.inspect(file('blob.qqq'));
    expect(m).toMatchObject({ kind: 'other', readable: null, problem: null, recordedAt: null });
    expect(m.tags['ExifTool:Error']).toBe('Unknown file type');
  });

  it('a text file named .mp4 is a video that cannot be read', async () => {
    const m = await station.inspect(file('fake.mp4'));
    expect(m).toMatchObject({ kind: 'video', readable: false, durationSeconds: null });
    expect(m.problem?.code).toBe('not-media');
    expect(m.problem?.text).toMatch(/^ffprobe cannot read this file/);
  });

  it('a Chinese name with spaces reads like any other', async () => {
    const m = await station.inspect(file('执法记录 01 现场.mp4'));
    expect(m).toMatchObject({ kind: 'video', codec: 'h264', readable: true, recordedAt: '2026-11-26T08:30:15.000+08:00' });
  });

  it('a missing file is reported, not thrown', async () => {
    const m = await station.inspect(file('gone.mp4'));
    expect(m).toMatchObject({ kind: 'video', readable: false });
    expect(m.problem?.code).toBe('cannot-open');
    expect(m.problem?.text).toMatch(/^The file cannot be opened: ENOENT/);
  });
});

describe('several files at once', () => {
  it('share the exiftool pool and give the same answers as one at a time', async () => {
    const names = ['recorder.mp4', 'offset.jpg', 'interview.wav', 'cut-tail.mp4', 'track.log', 'no-offset.jpg'];
    const together = await Promise.all(names.map((n) => station.inspect(file(n))));
    const alone = [];
    for (const n of names) alone.push(await station.inspect(file(n)));
    expect(together).toEqual(alone);
  });
});

/** exiftool processes this test process started that are still running (Linux /proc). */
async function exiftoolChildren(): Promise<Set<string>> {
  const pids = new Set<string>();
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (ppid === process.pid && cmdline.includes('exiftool')) pids.add(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('close', () => {
  it.skipIf(process.platform !== 'linux')('ends the exiftool processes it started (reads /proc, Linux only)', async () => {
    const before = await exiftoolChildren();
    const inspector = createMediaInspector({ zone: 'Asia/Shanghai', maxProcs: 2 });
    await Promise.all([inspector.inspect(file('offset.jpg')), inspector.inspect(file('no-offset.jpg'))]);
    const started = [...(await exiftoolChildren())].filter((pid) => !before.has(pid));
    expect(started.length).toBeGreaterThan(0);
    await inspector.close();
    const running = await exiftoolChildren();
    expect(started.filter((pid) => running.has(pid))).toEqual([]);
  });
});
