import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveBinary } from '../../../native-tools/binaries.js';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { makeCalibrationClip, makePlainVideo } from '../clock-drift/make-clock-media.js';

// The station's zone (the CLI's default); the CLI itself runs with TZ=UTC, so a time read in the
// process zone by mistake would be eight hours off.
const ZONE = 'Asia/Shanghai';
const TRUE_START = Date.parse('2026-11-26T00:30:15Z');
const AHEAD_SECONDS = 137;
const SECOND = 1000;

/** The name a GA/T 947 recorder gives a file it starts at `deviceMs` by its own clock. */
const recorderName = (serial: string, deviceMs: number, sequence: number): string =>
  `${serial}_123456_${DateTime.fromMillis(deviceMs, { zone: ZONE }).toFormat('yyyyMMddHHmmss')}_${String(sequence).padStart(4, '0')}.MP4`;

const ms = (iso: string | null): number => DateTime.fromISO(iso ?? 'missing', { setZone: true }).toMillis();

const root = tempDir('clock-report');
let dataDirs = 0;

/** `station ingest --json` of a folder into a data folder of its own. */
function ingest(folder: string, env: Record<string, string> = {}): { report: IngestReport } {
  const { status, json, stderr } = runCliJson<IngestReport>(join(root, `data-${(dataDirs += 1)}`), ['ingest', join(root, folder)], env);
  expect(status, stderr).toBe(0);
  expect(json.state).toBe('completed');
  return { report: json };
}

/**
 * The calibration searches a station process runs, in order, each as the names of the videos it
 * reads: the station finds ffmpeg on PATH, where this puts a script that notes its arguments and
 * hands over to the real ffmpeg.
 */
function ffmpegSearches(): { env: Record<string, string>; videos(): string[] } {
  const bin = mkdtempSync(join(root, 'ffmpeg-noting-'));
  const calls = join(bin, 'calls.txt');
  writeFileSync(calls, '');
  const real = resolveBinary('ffmpeg');
  writeFileSync(join(bin, 'ffmpeg'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${real.path}' "$@"\n`);
  chmodSync(join(bin, 'ffmpeg'), 0o755);
  return {
    env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
    videos: () =>
      readFileSync(calls, 'utf8')
        .split('\n')
        .filter((line) => line.includes('showinfo@v'))
        .flatMap((line) => [...line.matchAll(/-i file:(\S+)/g)].map((m) => basename(m[1]!))),
  };
}

const at = (folder: string, relative: string): string => {
  const path = join(root, folder, relative);
  mkdirSync(dirname(path), { recursive: true });
  return path;
};

// A recorder 137 s fast, filmed the station's clock when taken out, then recorded ten minutes later.
const CLIP = `DCIM/${recorderName('1234567', TRUE_START + AHEAD_SECONDS * SECOND, 1)}`;
const LATER = `DCIM/${recorderName('1234567', TRUE_START + 600 * SECOND, 2)}`;
const OTHER_ZONE = 'DCIM/1234567_123456_20261126093015_0001.MP4';
// Another recording of the same recorder ten minutes before its calibration clip.
const BEFORE_CLIP = `DCIM/${recorderName('1234567', TRUE_START + (AHEAD_SECONDS - 600) * SECOND, 1)}`;
const CLIP_SECOND = `DCIM/${recorderName('1234567', TRUE_START + AHEAD_SECONDS * SECOND, 2)}`;
const SEQUENCE = [1, 2, 5].map((n) => `DCIM/7654321_654321_20261126083015_${String(n).padStart(4, '0')}.MP4`);

beforeAll(async () => {
  await makeCalibrationClip(at('calibrated', CLIP), { trueStartMs: TRUE_START, driftSeconds: AHEAD_SECONDS, seconds: 3 });
  // At a recorder's size and longer than the five seconds searched: the cost of a video without a code.
  await makePlainVideo(at('calibrated', LATER), {
    seconds: 6,
    size: '1280x720',
    creationTime: new Date(TRUE_START + 600 * SECOND).toISOString(),
  });

  await makePlainVideo(at('clip-second', BEFORE_CLIP), { seconds: 6, size: '1280x720', creationTime: new Date(TRUE_START + (AHEAD_SECONDS - 600) * SECOND).toISOString() });
  await makeCalibrationClip(at('clip-second', CLIP_SECOND), { trueStartMs: TRUE_START, driftSeconds: AHEAD_SECONDS, seconds: 3 });

  // Named at 09:30:15, recorded (by its metadata) at 08:30:15+08:00: the name is written an hour off.
  makeVideo(at('other-zone', OTHER_ZONE), { seed: 1, creationTime: '2026-11-26T00:30:15Z' });
  for (const [i, name] of SEQUENCE.entries()) makeVideo(at('sequence', name), { seed: 10 + i, creationTime: '2026-11-26T00:30:15Z' });
  makeVideo(at('nothing', 'DCIM/VID_0001.MP4'), { seed: 20, creationTime: '2026-11-26T00:30:15Z' });
  writeFileSync(at('nothing', 'notes.txt'), 'handed over at the desk\n');
});

describe('station ingest --json: the clock report (Art. 7) and findings for review', () => {
  it('measures the drift from a calibration clip and corrects every file by it', () => {
    const { report } = ingest('calibrated');
    expect(report.clockDrift.basis).toBe('calibration-clip');
    expect(Math.abs(report.clockDrift.seconds! - AHEAD_SECONDS)).toBeLessThanOrEqual(1.5);
    expect(report.clockDrift.exceedsTolerance).toBe(true);
    expect(report.clockDrift.evidence).toBe(CLIP);

    expect(report.files.map((f) => f.source).sort()).toEqual([CLIP, LATER].sort());
    for (const file of report.files) {
      const clock = file.clock!;
      expect(clock, file.source).toMatchObject({ basis: 'calibration-clip', driftSeconds: report.clockDrift.seconds });
      expect(clock.deviceTime, file.source).toMatch(/\+08:00$/);
      expect(clock.correctedTime, file.source).toMatch(/\+08:00$/);
      expect(ms(clock.correctedTime), file.source).toBe(ms(clock.deviceTime) - report.clockDrift.seconds! * SECOND);
    }
    const later = report.files.find((f) => f.source === LATER)!.clock!;
    expect(later.deviceTime).toBe('2026-11-26T08:40:15.000+08:00');
    // Within the measurement's second of the true time the recording started.
    expect(Math.abs(ms(later.correctedTime) - (TRUE_START + (600 - AHEAD_SECONDS) * SECOND))).toBeLessThanOrEqual(1.5 * SECOND);
    // The clip is not part of an activity: the ten minutes until the next recording are no interruption.
    expect(report.findings).toEqual([]);
  });

  it('searches no video that starts after the one that shows the code', () => {
    const searches = ffmpegSearches();
    const { report } = ingest('calibrated', searches.env);
    expect(report.clockDrift.evidence).toBe(CLIP);
    // The later video cannot change the drift (the earliest video with a code gives it), so it is
    // not searched once the clip has shown the code. (Its metadata may be read first, and it then
    // searched before the clip: nothing is ever searched after.)
    const searched = searches.videos();
    expect(searched.filter((video) => video === basename(CLIP))).toHaveLength(1);
    expect(searched.at(-1)).toBe(basename(CLIP));

    // A clip that comes second: the video that starts before it is searched too, in whichever order
    // the two are copied (the smaller first).
    const second = ffmpegSearches();
    const { report: clipSecond } = ingest('clip-second', second.env);
    expect(clipSecond.clockDrift).toMatchObject({ basis: 'calibration-clip', evidence: CLIP_SECOND });
    expect(second.videos().sort()).toEqual([basename(BEFORE_CLIP), basename(CLIP_SECOND)].sort());
  });

  it('reports a file named in another zone than its metadata as a time-zone mismatch', () => {
    const { report } = ingest('other-zone');
    expect(report.findings).toEqual([{ kind: 'timezone-mismatch', source: OTHER_ZONE, hours: 1 }]);
    expect(report.files[0]!.clock).toEqual({ deviceTime: '2026-11-26T08:30:15.000+08:00', correctedTime: null, driftSeconds: null, basis: null });
  });

  it('reports sequence numbers missing between two present files of one recorder and day', () => {
    const { report } = ingest('sequence');
    expect(report.totals.archived).toBe(3);
    expect(report.findings).toEqual([{ kind: 'sequence-gap', serial: '7654321', day: '2026-11-26', after: 2, before: 5, missing: [3, 4] }]);
  });

  it('says nothing about the drift when nothing tells it', () => {
    const { report } = ingest('nothing');
    expect(report.clockDrift).toEqual({ seconds: null, basis: null, exceedsTolerance: false, evidence: null, metadataZone: 'UTC' });
    expect(report.findings).toEqual([]);
    const clocks = Object.fromEntries(report.files.map((f) => [f.source, f.clock]));
    expect(clocks).toEqual({
      'DCIM/VID_0001.MP4': { deviceTime: '2026-11-26T08:30:15.000+08:00', correctedTime: null, driftSeconds: null, basis: null },
      'notes.txt': { deviceTime: null, correctedTime: null, driftSeconds: null, basis: null },
    });
  });
});
