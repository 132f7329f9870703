import { describe, expect, it } from 'vitest';
import { analyzeClock } from '../../../src-main/core/clock-drift/analyze-clock.js';
import type { CalibrationCode } from '../../../src-main/core/clock-drift/calibration-code.js';
import { earlySearchChoice } from '../../../src-main/core/clock-drift/drift-bases.js';
import type { ClockInputFile } from '../../../src-main/core/clock-drift/types.js';

// Which videos analyzeClock hands to the code search, and what it makes of the answer. The search
// itself (ffmpeg + QR decoding) is exercised on real videos in calibration-code.test.ts; here it is
// replaced by a recorder of calls, so many files cost nothing.

const START = Date.parse('2026-11-26T00:00:00Z');
const video = (i: number, durationSeconds: number | null, kind: ClockInputFile['kind'] = 'video'): ClockInputFile => ({
  source: `DCIM/V${String(i).padStart(2, '0')}.MP4`,
  archivedPath: `/archive/V${String(i).padStart(2, '0')}.MP4`,
  kind,
  recordedAt: new Date(START + i * 3600_000).toISOString(),
  durationSeconds,
  gpsTime: null,
});

// V00–V02 long; from V03 on, odd numbers are short clips (10 s), even ones long (20 min).
const files = Array.from({ length: 30 }, (_, i) => video(i, i >= 3 && i % 2 === 1 ? 10 : 1200)).reverse();

async function searched(input: ClockInputFile[], answer: (path: string) => CalibrationCode | null) {
  const paths: string[] = [];
  const keyframesOnly: string[] = [];
  const result = await analyzeClock({
    files: input,
    reference: null,
    zone: 'Asia/Shanghai',
    findCode: async (path, options) => {
      paths.push(path);
      if (options?.keyframesOnly) keyframesOnly.push(path.slice(-7, -4));
      if (path.endsWith('V07.MP4')) throw new Error('ffmpeg cannot read it');
      return answer(path);
    },
  });
  return { paths, keyframesOnly, result };
}

describe('the videos searched for a calibration code', () => {
  it('are the three earliest and the short ones, earliest first, twelve at most', async () => {
    const { paths, keyframesOnly, result } = await searched(files, () => null);
    expect(paths.map((p) => p.slice(-7, -4))).toEqual(['V00', 'V01', 'V02', 'V03', 'V05', 'V07', 'V09', 'V11', 'V13', 'V15', 'V17', 'V19']);
    // The long ones among the earliest are looked at on their key frames only; the short clips frame by frame.
    expect(keyframesOnly).toEqual(['V00', 'V01', 'V02']);
    expect(result.clockDrift.basis).toBeNull();
  });

  it("are read frame by frame only when they last a clip's few seconds, or nobody knows how long", async () => {
    const short = [video(0, 10), video(1, 11), video(2, null), video(3, 30)];
    const { paths, keyframesOnly } = await searched(short, () => null);
    expect(paths.map((p) => p.slice(-7, -4))).toEqual(['V00', 'V01', 'V02', 'V03']);
    expect(keyframesOnly).toEqual(['V01', 'V03']);
  });

  it('leave out audio, photos, videos without a device time and videos ffprobe could not read', async () => {
    const others = [
      video(0, 5, 'audio'),
      video(1, null, 'photo'),
      { ...video(2, 5), recordedAt: null },
      { ...video(4, null), readable: false },
      video(3, 5),
    ];
    const { paths } = await searched(others, () => null);
    expect(paths).toEqual(['/archive/V03.MP4']);
  });

  it('stop at the first code, past a video that cannot be decoded, and give its drift', async () => {
    // V09 starts at 09:00:00Z by its clock; its frame at 1.5 s shows 08:57:40.000Z: 141.5 s ahead.
    const { paths, result } = await searched(files, (path) =>
      path.endsWith('V09.MP4') ? { frameSeconds: 1.5, trueTimeMs: Date.parse('2026-11-26T08:57:40.000Z') } : null,
    );
    expect(paths.at(-1)).toBe('/archive/V09.MP4');
    expect(paths).toContain('/archive/V07.MP4');
    expect(result.clockDrift).toEqual({ seconds: 141.5, basis: 'calibration-clip', exceedsTolerance: true, evidence: 'DCIM/V09.MP4' });
    expect(result.files['DCIM/V00.MP4']).toEqual({
      deviceTime: '2026-11-26T08:00:00.000+08:00',
      correctedTime: '2026-11-26T07:57:38.500+08:00',
      driftSeconds: 141.5,
      basis: 'calibration-clip',
    });
  });
});

describe('the videos searched early, one by one as the copy describes them', () => {
  it('are the short ones and the card’s three earliest by name, in whatever order they are described', () => {
    const names = ['DCIM/V05.MP4', 'DCIM/V06.MP4', 'DCIM/V07.MP4', 'DCIM/V08.MP4', 'DCIM/V01.MP4', 'DCIM/V09.MP4', 'DCIM/V10.MP4', 'DCIM/V11.MP4'];
    const choose = earlySearchChoice(names);
    const described = (hour: number, durationSeconds: number | null, kind = 'video', readable: boolean | null = true) => ({
      kind,
      recordedAt: new Date(START + hour * 3600_000).toISOString(),
      durationSeconds,
      readable,
    });
    const sequence: [ReturnType<typeof described>, string][] = [
      // Described before the earlier V01, as the copy takes the smallest first: among the three earliest all the same.
      [described(5, 1200), 'DCIM/V05.MP4'],
      [described(6, 1200), 'DCIM/V06.MP4'],
      // Not among the earliest three by name (V01, V05, V06): not searched now (the clock step will, should it be among them by its start).
      [described(7, 1200), 'DCIM/V07.MP4'],
      [described(8, 1200), 'DCIM/V08.MP4'],
      [described(1, 1200), 'DCIM/V01.MP4'],
      // Short: where a clip is, searched wherever it falls.
      [described(9, 20), 'DCIM/V09.MP4'],
      // Not a readable video with a start the clock step can place: never searched.
      [described(0, 1200, 'audio'), 'DCIM/V01.WAV'],
      [described(0, 1200, 'video', false), 'DCIM/V05.MP4'],
      [described(10, null), 'DCIM/V10.MP4'],
      [{ ...described(11, 20), recordedAt: 'not a time' }, 'DCIM/V11.MP4'],
    ];
    expect(sequence.map(([file, name]) => choose(file, name))).toEqual([true, true, false, false, true, true, false, false, false, false]);
  });
});
