import { describe, expect, it } from 'vitest';
import { outcomeOf } from '../../src-renderer/features/ingests/outcome.js';

const totals = (archived: number, duplicate: number, failed: number, notReached = 0) => ({ archived, duplicate, failed, notReached });

describe('the outcome an import reports', () => {
  it('is complete only when no file failed', () => {
    expect(outcomeOf({ state: 'completed', reasonCode: null, totals: totals(3, 1, 0) })).toEqual({ outcome: 'complete', failed: 0, notReached: 0, safe: 4 });
    expect(outcomeOf({ state: 'completed', reasonCode: null, totals: totals(3, 0, 1) }).outcome).toBe('complete-with-failures');
  });

  it('calls a cancel a cancel, and does not count the files it never reached as failed', () => {
    expect(outcomeOf({ state: 'failed', reasonCode: 'cancelled', totals: totals(1, 0, 1, 2) })).toEqual({
      outcome: 'cancelled',
      failed: 1,
      notReached: 2,
      safe: 1,
    });
  });

  it('says failed for an ingest that stopped for a reason of its own, and interrupted after a crash', () => {
    expect(outcomeOf({ state: 'failed', reasonCode: 'source-gone', totals: totals(2, 0, 5) }).outcome).toBe('failed');
    expect(outcomeOf({ state: 'interrupted', reasonCode: 'interrupted', totals: totals(2, 0, 0) }).outcome).toBe('interrupted');
    expect(outcomeOf({ state: 'running', reasonCode: null, totals: totals(0, 0, 0) }).outcome).toBe('running');
  });
});
