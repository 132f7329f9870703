// The process runs in UTC and the station in Asia/Shanghai: a time read in the process zone by
// mistake would be eight hours off.
process.env.TZ = 'UTC';

import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeClock } from '../../../src-main/core/clock-drift/analyze-clock.js';
import { clockInputFromMetadata } from '../../../src-main/core/clock-drift/clock-input.js';
import type { ClockInputFile } from '../../../src-main/core/clock-drift/types.js';
import { createMediaInspector, type MediaInspector } from '../../../src-main/core/media/inspector.js';
import { NamePatternError } from '../../../src-main/core/recorder-names/name-patterns.js';
import { createTagWriter, makeJpeg } from '../media/make-media.js';
import { makeCalibrationClip, makePlainVideo } from './make-clock-media.js';

const ZONE = 'Asia/Shanghai';
const TRUE_START = Date.parse('2026-11-26T00:30:15Z');
const SECOND = 1000;
let dir: string;
let inspector: MediaInspector;
const file = (name: string): string => join(dir, name);

/** The name a GA/T 947 recorder gives a file it starts at `deviceMs` by its own clock. */
const recorderName = (deviceMs: number, sequence: number, extension = 'MP4'): string =>
  `1234567_123456_${DateTime.fromMillis(deviceMs, { zone: ZONE }).toFormat('yyyyMMddHHmmss')}_${String(sequence).padStart(4, '0')}.${extension}`;

const isoUtc = (ms: number): string => new Date(ms).toISOString();

async function input(...names: string[]): Promise<ClockInputFile[]> {
  return Promise.all(names.map(async (name) => clockInputFromMetadata(`DCIM/100MEDIA/${name}`, file(name), await inspector.inspect(file(name)))));
}

const analyze = async (files: ClockInputFile[], pluggedInAtMs: number | null = null, extra: Partial<Parameters<typeof analyzeClock>[0]> = {}) =>
  analyzeClock({
    files,
    reference: pluggedInAtMs === null ? null : { atMs: pluggedInAtMs, kind: 'plug-in' },
    zone: ZONE,
    toleranceSeconds: 30,
    recordingGapSeconds: 60,
    ...extra,
  });

// Names of the files, each made once in beforeAll.
const AHEAD_CLIP = recorderName(TRUE_START + 137 * SECOND, 1);
const AHEAD_LATER = recorderName(TRUE_START + 600 * SECOND, 2);
const BEHIND_CLIP = recorderName(TRUE_START - 3605 * SECOND, 1);
const PLAIN = recorderName(TRUE_START, 7);
const GPS_PHOTO = 'IMG_0001.JPG';
const WRONG_GPS_PHOTO = 'IMG_0002.JPG';
const STATION_NOW = recorderName(TRUE_START, 1);
const OTHER_ZONE = '1234567_123456_20261126093015_0001.MP4';
const SEGMENTS = [0, 2, 94, 3 * 3600].map((offset, i) => recorderName(TRUE_START + offset * SECOND, 21 + i));
/** An ordinary card: separate clips the officer started and stopped, minutes to an hour apart. */
const CLIPS = [
  { offset: 0, seconds: 3 },
  { offset: 300, seconds: 2 },
  { offset: 3600, seconds: 1 },
  { offset: 3600 + 79 * 60, seconds: 2 },
];
/** A recording the device cut into files (3 s each here), stopped by the officer, and a clip minutes later. */
const CUT_THEN_STOPPED = [
  { offset: 0, seconds: 3 },
  { offset: 3, seconds: 3 },
  { offset: 6, seconds: 1 },
  { offset: 307, seconds: 2 },
];
const clipName = (serial: string, offset: number, sequence: number) =>
  `${serial}_123456_${DateTime.fromMillis(TRUE_START + offset * SECOND, { zone: ZONE }).toFormat('yyyyMMddHHmmss')}_${String(sequence).padStart(4, '0')}.MP4`;
const CLIP_NAMES = CLIPS.map((clip, i) => clipName('7000001', clip.offset, i + 1));
const CUT_NAMES = CUT_THEN_STOPPED.map((clip, i) => clipName('7000002', clip.offset, i + 1));
const SEQUENCE = [1, 2, 5].map((n) => `7654321_654321_20261126083015_${String(n).padStart(4, '0')}.MP4`);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'analyze-clock-'));
  inspector = createMediaInspector({ zone: ZONE, maxProcs: 1 });
  await makeCalibrationClip(file(AHEAD_CLIP), { trueStartMs: TRUE_START, driftSeconds: 137, seconds: 3 });
  await makeCalibrationClip(file(BEHIND_CLIP), { trueStartMs: TRUE_START, driftSeconds: -3605, seconds: 3 });
  await makePlainVideo(file(AHEAD_LATER), { seconds: 2, creationTime: isoUtc(TRUE_START + 600 * SECOND) });
  await makePlainVideo(file(PLAIN), { seconds: 2, creationTime: isoUtc(TRUE_START) });
  await makePlainVideo(file(STATION_NOW), { seconds: 3, creationTime: isoUtc(TRUE_START) });
  await makePlainVideo(file(OTHER_ZONE), { seconds: 1, creationTime: '2026-11-26T00:30:15Z' });
  for (const [i, name] of SEGMENTS.entries()) {
    await makePlainVideo(file(name), { seconds: 2, creationTime: isoUtc(TRUE_START + [0, 2, 94, 3 * 3600][i]! * SECOND) });
  }
  for (const [names, clips] of [[CLIP_NAMES, CLIPS], [CUT_NAMES, CUT_THEN_STOPPED]] as const) {
    for (const [i, clip] of clips.entries()) {
      await makePlainVideo(file(names[i]!), { seconds: clip.seconds, creationTime: isoUtc(TRUE_START + clip.offset * SECOND) });
    }
  }
  await makePlainVideo(file(SEQUENCE[0]!), { seconds: 1, creationTime: '2026-11-26T00:30:15Z' });
  for (const name of SEQUENCE.slice(1)) await copyFile(file(SEQUENCE[0]!), file(name));

  const writer = createTagWriter();
  try {
    // Device clock (with its zone) says 08:32:32; the satellites say 00:30:15 UTC: 137 s ahead.
    await makeJpeg(file(GPS_PHOTO));
    await writer.write(file(GPS_PHOTO), {
      DateTimeOriginal: '2026:11:26 08:32:32', OffsetTimeOriginal: '+08:00', GPSDateStamp: '2026:11:26', GPSTimeStamp: '00:30:15',
    });
    // A photo whose GPS time says the clock is only 20 s ahead.
    await makeJpeg(file(WRONG_GPS_PHOTO));
    await writer.write(file(WRONG_GPS_PHOTO), {
      DateTimeOriginal: '2026:11:26 08:30:35', OffsetTimeOriginal: '+08:00', GPSDateStamp: '2026:11:26', GPSTimeStamp: '00:30:15',
    });
  } finally {
    await writer.end();
  }
});

afterAll(async () => {
  await inspector?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('drift from a calibration clip', () => {
  it('measures a clock 137 s ahead and corrects every file of the ingest', async () => {
    const result = await analyze(await input(AHEAD_LATER, AHEAD_CLIP));
    expect(result.clockDrift.basis).toBe('calibration-clip');
    expect(result.clockDrift.evidence).toBe(`DCIM/100MEDIA/${AHEAD_CLIP}`);
    expect(Math.abs(result.clockDrift.seconds! - 137)).toBeLessThanOrEqual(1);
    expect(result.clockDrift.exceedsTolerance).toBe(true);

    const later = result.files[`DCIM/100MEDIA/${AHEAD_LATER}`]!;
    expect(later.deviceTime).toBe('2026-11-26T08:40:15.000+08:00');
    expect(later.basis).toBe('calibration-clip');
    expect(later.driftSeconds).toBe(result.clockDrift.seconds);
    const corrected = DateTime.fromISO(later.correctedTime!, { setZone: true });
    expect(corrected.offset).toBe(8 * 60);
    expect(Math.abs(corrected.toMillis() - (TRUE_START + (600 - 137) * SECOND))).toBeLessThanOrEqual(SECOND);
    // Ten minutes pass between filming the station's clock and the next recording: no interruption.
    expect(result.findings).toEqual([]);
  });

  it('measures a clock an hour and five seconds behind', async () => {
    const result = await analyze(await input(BEHIND_CLIP));
    expect(result.clockDrift.basis).toBe('calibration-clip');
    expect(Math.abs(result.clockDrift.seconds! + 3605)).toBeLessThanOrEqual(1);
    expect(result.clockDrift.exceedsTolerance).toBe(true);
    const clip = result.files[`DCIM/100MEDIA/${BEHIND_CLIP}`]!;
    expect(DateTime.fromISO(clip.correctedTime!).toMillis()).toBe(DateTime.fromISO(clip.deviceTime!).toMillis() - clip.driftSeconds! * 1000);
  });

  it('wins over GPS time when both are present', async () => {
    const result = await analyze(await input(WRONG_GPS_PHOTO, AHEAD_CLIP));
    expect(result.clockDrift.basis).toBe('calibration-clip');
    expect(Math.abs(result.clockDrift.seconds! - 137)).toBeLessThanOrEqual(1);
  });

  it('stays within tolerance when the setting allows the drift', async () => {
    const result = await analyze(await input(AHEAD_CLIP), null, { toleranceSeconds: 200 });
    expect(result.clockDrift.exceedsTolerance).toBe(false);
  });
});

describe('drift from GPS time', () => {
  it('takes device time minus satellite time of a photo', async () => {
    const result = await analyze(await input(GPS_PHOTO, PLAIN));
    expect(result.clockDrift).toEqual({ seconds: 137, basis: 'gps', exceedsTolerance: true, evidence: `DCIM/100MEDIA/${GPS_PHOTO}` });
    expect(result.files[`DCIM/100MEDIA/${GPS_PHOTO}`]).toEqual({
      deviceTime: '2026-11-26T08:32:32.000+08:00',
      correctedTime: '2026-11-26T08:30:15.000+08:00',
      driftSeconds: 137,
      basis: 'gps',
    });
  });
});

describe('drift from the station clock at plug-in', () => {
  it('takes a recording that ends after the plug-in as a lower bound, and reports it', async () => {
    const pluggedIn = TRUE_START + 1 * SECOND;
    const result = await analyze(await input(STATION_NOW), pluggedIn);
    // The 3-second recording ends 2 s after the plug-in, by the device's clock.
    expect(result.clockDrift).toEqual({ seconds: 2, basis: 'station-clock', exceedsTolerance: false, evidence: `DCIM/100MEDIA/${STATION_NOW}` });
    expect(result.findings).toEqual([
      {
        kind: 'future-recording',
        source: `DCIM/100MEDIA/${STATION_NOW}`,
        endsAt: expect.stringMatching(/^2026-11-26T08:30:18\.\d{3}\+08:00$/),
        referenceAt: '2026-11-26T08:30:16.000+08:00',
        reference: 'plug-in',
        pluggedInAt: '2026-11-26T08:30:16.000+08:00',
      },
    ]);
  });

  it('takes the moment a folder ingest started reading as the same lower bound when nothing was plugged in', async () => {
    const result = await analyze(await input(STATION_NOW), null, { reference: { atMs: TRUE_START + 1 * SECOND, kind: 'ingest-start' } });
    expect(result.clockDrift).toMatchObject({ seconds: 2, basis: 'station-clock' });
    expect(result.findings).toEqual([
      expect.objectContaining({ kind: 'future-recording', referenceAt: '2026-11-26T08:30:16.000+08:00', reference: 'ingest-start', pluggedInAt: null }),
    ]);
  });

  it('proves nothing when every recording ends before the plug-in', async () => {
    const result = await analyze(await input(STATION_NOW), TRUE_START + 60 * SECOND);
    expect(result.clockDrift).toEqual({ seconds: null, basis: null, exceedsTolerance: false, evidence: null });
    expect(result.files[`DCIM/100MEDIA/${STATION_NOW}`]).toEqual({
      deviceTime: '2026-11-26T08:30:15.000+08:00', correctedTime: null, driftSeconds: null, basis: null,
    });
    expect(result.findings).toEqual([]);
  });
});

describe('findings for review', () => {
  it('reports a file name an hour off its metadata as a time-zone mismatch', async () => {
    const result = await analyze(await input(OTHER_ZONE));
    expect(result.findings).toEqual([{ kind: 'timezone-mismatch', source: `DCIM/100MEDIA/${OTHER_ZONE}`, hours: 1 }]);
  });

  it('reports sequence numbers missing between present files of one device and day', async () => {
    const result = await analyze(await input(...SEQUENCE));
    expect(result.findings).toEqual([
      { kind: 'sequence-gap', serial: '7654321', day: '2026-11-26', after: 2, before: 5, missing: [3, 4] },
    ]);
  });

  it('does not flag the ordinary pauses between clips an officer started and stopped', async () => {
    const result = await analyze(await input(...CLIP_NAMES));
    expect(result.findings.filter((f) => f.kind === 'recording-gap')).toEqual([]);
  });

  it('does not flag a pause after the officer stopped a recording the device had cut into files', async () => {
    const result = await analyze(await input(...CUT_NAMES));
    expect(result.findings.filter((f) => f.kind === 'recording-gap')).toEqual([]);
  });

  it('reports a hole inside a recording the device was cutting into files, not a new session hours later', async () => {
    const files = await input(...SEGMENTS);
    const result = await analyze(files);
    const gaps = result.findings.filter((f) => f.kind === 'recording-gap');
    expect(gaps).toEqual([
      { kind: 'recording-gap', source: `DCIM/100MEDIA/${SEGMENTS[2]}`, previous: `DCIM/100MEDIA/${SEGMENTS[1]}`, gapSeconds: 90 },
    ]);
    const lenient = await analyze(files, null, { recordingGapSeconds: 120 });
    expect(lenient.findings.filter((f) => f.kind === 'recording-gap')).toEqual([]);
    // 21, 22, 23, 24: no number is missing.
    expect(result.findings.filter((f) => f.kind === 'sequence-gap')).toEqual([]);
  });
});

describe('administrator name patterns', () => {
  it('refuse to run with a pattern that is not a regular expression, naming it', async () => {
    await expect(analyze([], null, { extraNamePatterns: ['(?<serial>\\w{7}'] })).rejects.toThrow(NamePatternError);
    await expect(analyze([], null, { extraNamePatterns: ['(?<serial>\\w{7}'] })).rejects.toThrow(/pattern 1 .*not a valid regular expression/);
  });
});
