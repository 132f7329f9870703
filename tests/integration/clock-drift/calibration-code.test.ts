import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCalibrationCode } from '../../../src-main/core/clock-drift/calibration-code.js';
import { parseStationClockText, stationClockText } from '../../../src-main/core/clock-drift/station-clock-code.js';
import { makeCalibrationClip, makePlainVideo } from './make-clock-media.js';

const TRUE_START = Date.parse('2026-11-26T00:30:15.000Z');
let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'calibration-code-'));
  await makeCalibrationClip(file('clip.mp4'), { trueStartMs: TRUE_START, driftSeconds: 137, seconds: 3 });
  await makeCalibrationClip(file('late-code.mp4'), { trueStartMs: TRUE_START, driftSeconds: 0, seconds: 4, codeFromSeconds: 2 });
  await makeCalibrationClip(file('late-code-gop1s.mp4'), { trueStartMs: TRUE_START, driftSeconds: 0, seconds: 4, codeFromSeconds: 2, keyframeEvery: 10 });
  await makeCalibrationClip(file('small-code.mp4'), { trueStartMs: TRUE_START, driftSeconds: 0, seconds: 2, size: '1920x1080' });
  await makeCalibrationClip(file('other-code.mp4'), { trueStartMs: TRUE_START, driftSeconds: 0, seconds: 2, codeFromSeconds: 2 });
  await makePlainVideo(file('plain.mp4'), { seconds: 3, creationTime: '2026-11-26T00:30:15Z' });
  await makePlainVideo(file('recorder-1080p.mp4'), { seconds: 8, creationTime: '2026-11-26T00:30:15Z', size: '1920x1080', rate: 30 });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the station clock code', () => {
  it('round-trips a moment with milliseconds', () => {
    const text = stationClockText(Date.parse('2026-11-26T00:30:15.250Z'));
    expect(text).toBe('STATION-CLOCK 2026-11-26T00:30:15.250Z');
    expect(parseStationClockText(text)).toBe(Date.parse('2026-11-26T00:30:15.250Z'));
  });

  it('refuses other texts and impossible dates', () => {
    expect(parseStationClockText('STATION-CLOCK 2026-11-26T00:30:15Z')).toBeNull();
    expect(parseStationClockText('STATION-CLOCK 2026-02-30T00:30:15.250Z')).toBeNull();
    expect(parseStationClockText('station-clock 2026-11-26T00:30:15.250Z')).toBeNull();
    expect(parseStationClockText('https://example.org/')).toBeNull();
  });
});

describe('finding the calibration code in a video', () => {
  it('returns the first frame with a code and the time the code states', async () => {
    const code = await findCalibrationCode(file('clip.mp4'));
    expect(code).not.toBeNull();
    expect(code!.frameSeconds).toBeCloseTo(0, 5);
    expect(code!.trueTimeMs).toBe(TRUE_START);
  });

  it('gives the frame position when the code appears only after two seconds', async () => {
    const code = await findCalibrationCode(file('late-code.mp4'));
    expect(code).not.toBeNull();
    expect(code!.frameSeconds).toBeCloseTo(2, 5);
    // The frame at 2.0 s shows the time of that frame: the position and the code agree.
    expect(code!.trueTimeMs - TRUE_START).toBe(Math.round(code!.frameSeconds * 1000));
  });

  it('on key frames only, finds a code a key frame shows, and nothing between key frames', async () => {
    // A key frame a second, as recorders write: the one at 2.0 s shows the code.
    const onKey = await findCalibrationCode(file('late-code-gop1s.mp4'), { keyframesOnly: true });
    expect(onKey?.frameSeconds).toBeCloseTo(2, 5);
    expect(onKey!.trueTimeMs - TRUE_START).toBe(2000);
    // One key frame in all (at 0 s, before the code): only a full search finds it.
    expect(await findCalibrationCode(file('late-code.mp4'), { keyframesOnly: true })).toBeNull();
    expect(await findCalibrationCode(file('late-code.mp4'))).not.toBeNull();
  });

  it('stops its ffmpeg when the ingest that asked is cancelled', async () => {
    const cancelled = new AbortController();
    const search = findCalibrationCode(file('recorder-1080p.mp4'), { seconds: 8, signal: cancelled.signal });
    cancelled.abort(new Error('cancelled by the operator'));
    await expect(search).rejects.toThrow(/ffmpeg/);
  });

  it('does not look past the seconds it is given', async () => {
    expect(await findCalibrationCode(file('late-code.mp4'), { seconds: 1.5 })).toBeNull();
  });

  it('reads a code that fills only 37% of a 1080p picture', async () => {
    expect((await findCalibrationCode(file('small-code.mp4')))?.trueTimeMs).toBe(TRUE_START);
  });

  it('ignores QR codes that are not the station clock', async () => {
    expect(await findCalibrationCode(file('other-code.mp4'))).toBeNull();
  });

  it('returns null for a video without any code', async () => {
    expect(await findCalibrationCode(file('plain.mp4'))).toBeNull();
  });

  it('throws for a file ffmpeg cannot read', async () => {
    await expect(findCalibrationCode(file('missing.mp4'))).rejects.toThrow(/ffmpeg/);
  });

  it('gives searches that wait together (a rack) each its own answer, in one ffmpeg or, when one video is unreadable, each alone', async () => {
    const rack = async (broken: boolean) => {
      // The first two take the two slots; the others wait and go together.
      const [plain, other, clip, onKey, tooShort, missing] = await Promise.allSettled([
        findCalibrationCode(file('plain.mp4')),
        findCalibrationCode(file('other-code.mp4')),
        findCalibrationCode(file('clip.mp4')),
        findCalibrationCode(file('late-code-gop1s.mp4'), { keyframesOnly: true }),
        findCalibrationCode(file('late-code.mp4'), { seconds: 1.5 }),
        findCalibrationCode(file(broken ? 'missing.mp4' : 'small-code.mp4')),
      ]);
      expect(plain).toEqual({ status: 'fulfilled', value: null });
      expect(other).toEqual({ status: 'fulfilled', value: null });
      expect(clip).toMatchObject({ status: 'fulfilled', value: { trueTimeMs: TRUE_START } });
      expect(onKey).toMatchObject({ status: 'fulfilled', value: { trueTimeMs: TRUE_START + 2000 } });
      expect(tooShort).toEqual({ status: 'fulfilled', value: null });
      return missing;
    };
    expect(await rack(false)).toMatchObject({ status: 'fulfilled', value: { trueTimeMs: TRUE_START } });
    const missing = await rack(true);
    expect(missing.status).toBe('rejected');
    expect(String((missing as PromiseRejectedResult).reason)).toMatch(/ffmpeg/);
  });

  it('finds nothing in a 1080p recorder video without a code (the common case at ingest)', async () => {
    expect(await findCalibrationCode(file('recorder-1080p.mp4'))).toBeNull();
  });
});
