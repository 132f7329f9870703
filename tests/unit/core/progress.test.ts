import { describe, expect, it } from 'vitest';
import { ProgressTracker } from '../../../src-main/core/ingest/progress.js';

describe('ingest progress', () => {
  it('gives speed over the recent window and the time left from it', () => {
    let now = 0;
    const tracker = new ProgressTracker('i', () => {}, () => now);
    tracker.update({ phase: 'copying', filesTotal: 2, bytesTotal: 100_000_000 });
    expect(tracker.snapshot()).toMatchObject({ bytesPerSecond: 0, secondsLeft: null });
    now = 1000;
    tracker.addBytes(20_000_000);
    expect(tracker.snapshot()).toMatchObject({ bytesDone: 20_000_000, bytesPerSecond: 20_000_000, secondsLeft: 4 });
    now = 2000;
    tracker.addBytes(10_000_000);
    tracker.fileDone();
    expect(tracker.snapshot()).toMatchObject({ filesDone: 1, bytesPerSecond: 15_000_000, secondsLeft: 5 });
  });

  it('reports on a timer about four times a second, not per chunk', async () => {
    const reports: number[] = [];
    const tracker = new ProgressTracker('i', (p) => reports.push(p.bytesDone));
    tracker.start();
    for (let i = 0; i < 10_000; i += 1) tracker.addBytes(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    tracker.stop();
    expect(reports.length).toBeGreaterThanOrEqual(4);
    expect(reports.length).toBeLessThanOrEqual(6);
    expect(reports.at(-1)).toBe(10_000);
  });
});
