import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveDiskGate, type CpuLoad } from '../../../src-main/core/ingest/archive-disk-gate.js';
import { UnverifiedBytes } from '../../../src-main/core/ingest/unverified-bytes.js';

const quietCpu: CpuLoad = { enable() {}, saturated: () => false, disable() {} };
const sleep = (ms: number) => new Promise<void>((next) => setTimeout(next, ms));

describe('back-pressure between the copy and the verification', () => {
  let gate: ArchiveDiskGate | null = null;
  afterEach(() => gate?.close());

  it('keeps a fast card\'s written-but-unverified bytes within the budget plus two files while the disk is slow', async () => {
    gate = new ArchiveDiskGate(quietCpu);
    const budget = 40;
    const fileBytes = 8;
    const files = 60;
    let unverifiedNow = 0;
    let peak = 0;
    const fast = async (card: string) => {
      const lane = gate!.lane(card);
      const unverified = new UnverifiedBytes(budget);
      for (let i = 0; i < files; i += 1) {
        await unverified.room();
        // Stage 1: a card far faster than the disk's verification.
        await sleep(0);
        unverifiedNow += fileBytes;
        peak = Math.max(peak, unverified.bytes + fileBytes);
        const verified = lane.run(fileBytes, async () => {
          await sleep(3);
          unverifiedNow -= fileBytes;
        });
        unverified.add(fileBytes, verified);
      }
      await unverified.settled();
      expect(unverified.bytes).toBe(0);
    };
    // Three cards against two slots: each card's copies outrun its turns at the disk.
    await Promise.all(['a', 'b', 'c'].map(fast));
    expect(unverifiedNow).toBe(0);
    // Without the bound a card would have had nearly all its 480 bytes waiting.
    expect(peak).toBeLessThanOrEqual(budget + 2 * fileBytes);
    expect(peak).toBeGreaterThanOrEqual(budget);
  });

  it('lets one file larger than the budget overlap the next one\'s copy, as a single large recording needs', async () => {
    const unverified = new UnverifiedBytes(10);
    let release = () => {};
    unverified.add(1000, new Promise<void>((done) => (release = done)));
    let roomGiven = false;
    const room = unverified.room().then(() => (roomGiven = true));
    await sleep(1);
    expect(roomGiven).toBe(true);
    // A second waiting file over the budget: the third copy waits for one of them.
    let releaseSecond = () => {};
    unverified.add(1000, new Promise<void>((done) => (releaseSecond = done)));
    let thirdMayStart = false;
    const third = unverified.room().then(() => (thirdMayStart = true));
    await sleep(1);
    expect(thirdMayStart).toBe(false);
    release();
    await third;
    expect(thirdMayStart).toBe(true);
    releaseSecond();
    await Promise.all([room, unverified.settled()]);
    expect(unverified.bytes).toBe(0);
  });
});
