import { describe, expect, it } from 'vitest';
import { mediaCapacity } from '../../../src-main/contract/index.js';
import { footprint, planDiscs, reserveBytes, smallestMediumFor, type PlanFile } from '../../../src-main/core/discs/plan-discs.js';

const MB = 1_000_000;
const file = (recordingId: number, size: number): PlanFile => ({ recordingId, size, path: `data/I1/DCIM/${recordingId}.MP4` });

describe('planning discs', () => {
  it('splits a request over CD-Rs by whole files, each to the first disc with room, none over the capacity', () => {
    const files = [file(1, 400 * MB), file(2, 300 * MB), file(3, 420 * MB), file(4, 250 * MB), file(5, 10 * MB)];
    const discs = planDiscs(files, 'cd-r');
    // The fifth file still fits beside the first two; the fourth only beside the third.
    expect(discs.map((disc) => disc.files.map((one) => one.recordingId))).toEqual([
      [1, 2, 5],
      [3, 4],
    ]);
    for (const disc of discs) expect(disc.files.reduce((sum, one) => sum + footprint(one), 0) + reserveBytes).toBeLessThanOrEqual(mediaCapacity['cd-r']);
    const three = planDiscs([file(1, 400 * MB), file(2, 400 * MB), file(3, 400 * MB)], 'cd-r');
    expect(three.map((disc) => [disc.files.map((one) => one.recordingId), disc.bytes])).toEqual([
      [[1], 400 * MB],
      [[2], 400 * MB],
      [[3], 400 * MB],
    ]);
  });

  it('fills to the exact capacity, counting 2048-byte blocks', () => {
    const room = mediaCapacity['dvd+r'] - reserveBytes;
    const exact = file(1, room - 8 * 1024);
    expect(planDiscs([exact], 'dvd+r')).toHaveLength(1);
    expect(() => planDiscs([file(1, room - 8 * 1024 + 1)], 'dvd+r')).toThrow(/larger than a DVD\+R holds; a DVD-R holds it/);
  });

  it('refuses a file larger than the medium, naming the smallest medium that holds it', () => {
    expect(() => planDiscs([file(1, 100 * MB), file(7, 800 * MB)], 'cd-r')).toThrow(/7\.MP4 \(800000000 bytes\) is larger than a CD-R holds; a DVD\+R holds it: plan with --media dvd\+r/);
    expect(smallestMediumFor(file(1, 30_000_000_000))).toBe('bd-r-dl');
    expect(smallestMediumFor(file(1, 60_000_000_000))).toBeNull();
    expect(() => planDiscs([file(1, 60_000_000_000)], 'bd-r-dl')).toThrow(/no disc medium holds it/);
  });
});
