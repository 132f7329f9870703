import { describe, expect, it } from 'vitest';
import type { AttachedVolume, Deadline, IngestProgress } from '../../src-main/contract/index.js';
import type { Jobs } from '../../src-renderer/state/ingest-jobs.js';
import type { VolumeCard } from '../../src-renderer/features/devices/volume-cards.js';
import { compactFrom, ledgerWord, rackIsCompact, rackOrder, rackSummary } from '../../src-renderer/features/devices/volume-rack.js';
import { attachedVolume } from './renderer-fixtures.js';

function card(mountpoint: string, change: Partial<AttachedVolume> = {}, removed = false): VolumeCard {
  return { removed, volume: attachedVolume(mountpoint, { state: 'ready', ...change }) };
}

function deadline(deviceId: number, state: Deadline['state']): Deadline {
  return {
    checkoutId: deviceId,
    device: { id: deviceId, serial: `S${deviceId}`, name: null },
    officer: { id: 1, name: '张警官', officerNumber: '110001' },
    returnedAt: null,
    deadline: null,
    secondsLeft: null,
    state,
  };
}

const progress = (ingestId: string, secondsLeft: number | null): IngestProgress => ({
  ingestId,
  phase: 'copying',
  filesDone: 0,
  filesTotal: 1,
  bytesDone: 0,
  bytesTotal: 1,
  currentFile: null,
  bytesPerSecond: 1,
  secondsLeft,
});
const jobs = (entries: [string, number | null][]): Jobs =>
  Object.fromEntries(
    entries.map(([id, left]) => [id, { ingestId: id, source: null, progress: progress(id, left), recentFiles: [], counts: { archived: 0, duplicate: 0, skipped: 0, failed: 0 }, outcome: null }]),
  );

describe('the rack of cards', () => {
  const cards = [
    card('/m/verified', { state: 'verified', deviceId: 1 }),
    card('/m/copy-a', { state: 'ingesting', deviceId: 2, ingestId: 'a' }),
    card('/m/unknown', { state: 'unknown-device' }),
    card('/m/late', { state: 'verified', deviceId: 3 }),
    card('/m/ready', { state: 'ready', deviceId: 4 }),
    card('/m/copy-b', { state: 'ingesting', deviceId: 5, ingestId: 'b' }),
    card('/m/pulled', { state: 'ingesting', deviceId: 6, ingestId: 'c' }, true),
    card('/m/failed', { state: 'failed', deviceId: 7 }),
  ];
  const ledger = ledgerWord([deadline(3, 'late'), deadline(2, 'returned')]);

  it('puts the cards a person must see to first, then copies, then the waiting, the verified last, each in plug-in order', () => {
    expect(rackOrder(cards, ledger).map((entry) => entry.card.volume.mountpoint)).toEqual([
      '/m/unknown', '/m/late', '/m/pulled', '/m/failed', '/m/copy-a', '/m/copy-b', '/m/ready', '/m/verified',
    ]);
  });

  it('keeps the order through progress ticks: the time left moves no card', () => {
    const before = rackOrder(cards, ledger);
    expect(rackSummary(before, jobs([['a', 10], ['b', 500]])).secondsLeft).toBe(500);
    expect(rackOrder(cards, ledger)).toEqual(before);
  });

  it('counts each group, and the time left is the longest running copy, null while none can tell', () => {
    expect(rackSummary(rackOrder(cards, ledger), jobs([['a', 90], ['b', null]]))).toEqual({
      counts: { attention: 4, copying: 2, waiting: 1, verified: 1 },
      secondsLeft: 90,
    });
    expect(rackSummary(rackOrder(cards, ledger), {}).secondsLeft).toBeNull();
  });

  it('names the officer the ledger has for a device, and no one for a device it does not list', () => {
    expect(ledger.officerOf(2)).toEqual({ id: 1, name: '张警官', officerNumber: '110001' });
    expect(ledger.officerOf(9)).toBeNull();
    expect(ledger.lateWithoutReason(2)).toBe(false);
  });

  it('keeps a card or two roomy, and compacts the rack from five cards on', () => {
    expect(rackIsCompact(1)).toBe(false);
    expect(rackIsCompact(compactFrom - 1)).toBe(false);
    expect(rackIsCompact(compactFrom)).toBe(true);
    expect(rackIsCompact(12)).toBe(true);
  });
});
