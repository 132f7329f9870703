import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../src-renderer/components/virtual-range.js';
import { applyEvent, recentFileLimit, type Jobs } from '../../src-renderer/state/ingest-jobs.js';
import { isReadingSource, stepStates } from '../../src-renderer/state/ingest-phase.js';
import { PageCache } from '../../src-renderer/features/recordings/page-cache.js';
import { parseRoute, routeHref } from '../../src-renderer/state/route.js';

describe('virtual scrolling range', () => {
  const base = { rowHeight: 36, viewportHeight: 720, overscan: 10 };

  it('renders only what is on screen plus the overscan, even at 100 000 rows', () => {
    const range = visibleRange({ ...base, rowCount: 100_000, scrollTop: 36 * 50_000 });
    expect(range).toEqual({ first: 49_990, last: 50_029 });
    expect(range.last - range.first + 1).toBeLessThan(60);
  });

  it('clamps at both ends and is empty with no rows', () => {
    expect(visibleRange({ ...base, rowCount: 100_000, scrollTop: 0 })).toEqual({ first: 0, last: 29 });
    expect(visibleRange({ ...base, rowCount: 100_000, scrollTop: 36 * 100_000 })).toEqual({ first: 99_989, last: 99_999 });
    expect(visibleRange({ ...base, rowCount: 5, scrollTop: 0 })).toEqual({ first: 0, last: 4 });
    expect(visibleRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ first: 0, last: -1 });
  });
});

describe('page cache', () => {
  it('asks once for each page a range needs and serves rows by index', () => {
    const cache = new PageCache<number>(100);
    expect(cache.missing(150, 320)).toEqual([1, 2, 3]);
    cache.requested(1);
    cache.requested(2);
    expect(cache.missing(150, 320)).toEqual([3]);
    cache.store(2, Array.from({ length: 100 }, (_, i) => 200 + i));
    expect(cache.row(250)).toBe(250);
    expect(cache.row(150)).toBeUndefined();
    cache.failed(1);
    expect(cache.missing(150, 320)).toEqual([1, 3]);
    expect(cache.missing(5, 4)).toEqual([]);
  });
});

describe('ingest events folded into jobs', () => {
  const ingestId = 'ing-1';
  it('keeps source, latest progress, file counts and the outcome of each ingest', () => {
    let jobs: Jobs = {};
    jobs = applyEvent(jobs, { type: 'ingest.started', ingestId, source: '/media/card', mountpoint: null });
    jobs = applyEvent(jobs, {
      type: 'ingest.progress',
      progress: {
        ingestId,
        phase: 'copying',
        filesDone: 1,
        filesTotal: 3,
        bytesDone: 10,
        bytesTotal: 30,
        currentFile: 'a.mp4',
        bytesPerSecond: 5,
        secondsLeft: 4,
      },
    });
    jobs = applyEvent(jobs, { type: 'ingest.file', ingestId, source: '.DS_Store', status: 'skipped', reason: 'operating-system file', reasonCode: 'os-file' });
    jobs = applyEvent(jobs, { type: 'ingest.file', ingestId, source: 'a.mp4', status: 'archived', reason: null, reasonCode: null });
    jobs = applyEvent(jobs, { type: 'ingest.failed', ingestId: 'other', mountpoint: null, reason: 'source gone', reasonCode: 'source-gone' });
    const job = jobs[ingestId];
    expect(job?.source).toBe('/media/card');
    expect(job?.progress?.filesDone).toBe(1);
    expect(job?.counts).toEqual({ archived: 1, duplicate: 0, skipped: 1, failed: 0 });
    expect(job?.recentFiles.map((file) => [file.seq, file.source])).toEqual([
      [1, 'a.mp4'],
      [0, '.DS_Store'],
    ]);
    expect(job?.outcome).toBeNull();
    expect(jobs.other?.outcome).toEqual({ kind: 'failed', reason: 'source gone', reasonCode: 'source-gone' });
  });

  it('caps the live file list but keeps counting', () => {
    let jobs: Jobs = {};
    for (let i = 0; i < recentFileLimit + 50; i += 1) {
      jobs = applyEvent(jobs, { type: 'ingest.file', ingestId, source: `f${i}`, status: 'archived', reason: null, reasonCode: null });
    }
    expect(jobs[ingestId]?.recentFiles).toHaveLength(recentFileLimit);
    expect(jobs[ingestId]?.recentFiles[0]?.source).toBe(`f${recentFileLimit + 49}`);
    expect(jobs[ingestId]?.counts.archived).toBe(recentFileLimit + 50);
  });
});

describe('hash routes', () => {
  it('round-trips the pages and the ingest filter', () => {
    expect(parseRoute('')).toEqual({ page: 'import' });
    expect(parseRoute('#/ingests')).toEqual({ page: 'ingests' });
    const href = routeHref({ page: 'recordings', ingestId: '2024-05-01 #3' });
    expect(parseRoute(href)).toEqual({ page: 'recordings', ingestId: '2024-05-01 #3' });
    expect(parseRoute('#/recordings')).toEqual({ page: 'recordings', ingestId: null });
    expect(parseRoute(routeHref({ page: 'devices' }))).toEqual({ page: 'devices' });
    expect(parseRoute(routeHref({ page: 'clock' }))).toEqual({ page: 'clock' });
  });
});

describe('what the Import page says an ingest is doing', () => {
  it('names each step done, current or to come (checking files archived before is the copy step), and shows speed only while the card is read', () => {
    expect(stepStates('metadata')).toEqual([
      { step: 'scanning', state: 'done' },
      { step: 'copying', state: 'done' },
      { step: 'verifying', state: 'done' },
      { step: 'metadata', state: 'current' },
      { step: 'clock', state: 'pending' },
      { step: 'finishing', state: 'pending' },
    ]);
    expect(stepStates('checking')).toEqual(stepStates('copying'));
    expect(stepStates('queued').every((s) => s.state === 'pending')).toBe(true);
    const phases = ['scanning', 'copying', 'checking', 'verifying', 'metadata', 'clock'] as const;
    expect(phases.map((p) => isReadingSource(p))).toEqual([true, true, true, false, false, false]);
  });
});
