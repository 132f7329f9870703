import { describe, expect, it, vi } from 'vitest';
import { ProgressTracker } from '../../../src-main/core/jobs/index.js';

describe('ingest progress', () => {
  it('gives speed over the recent window and the time left from it', () => {
    let now = 0;
    const tracker = new ProgressTracker<string>('scanning', () => {}, () => now);
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

  it('reports on a timer four times a second, not per chunk, and once more when it stops', () => {
    vi.useFakeTimers();
    try {
      const reports: number[] = [];
      const tracker = new ProgressTracker<string>('scanning', (p) => reports.push(p.bytesDone));
      tracker.start();
      for (let i = 0; i < 10_000; i += 1) tracker.addBytes(1);
      vi.advanceTimersByTime(1000);
      expect(reports).toEqual([10_000, 10_000, 10_000, 10_000]);
      tracker.stop();
      expect(reports).toHaveLength(5);
      vi.advanceTimersByTime(1000);
      expect(reports).toHaveLength(5);
    } finally {
      vi.useRealTimers();
    }
  });
});
