import { describe, expect, it } from 'vitest';
import type { AttachedVolume, StationEvent } from '../../src-main/contract/index.js';
import { applyVolumeEvent, cardsFromList, dismissCard, orderedCards } from '../../src-renderer/features/devices/volume-cards.js';

function volume(mountpoint: string, change: Partial<AttachedVolume> = {}): AttachedVolume {
  return {
    mountpoint,
    label: 'DSJ',
    uuid: '6FBB-F69C',
    fsType: 'exfat',
    removable: true,
    sizeBytes: 32_000_000,
    freeBytes: 16_000_000,
    deviceId: null,
    device: null,
    how: null,
    serial: null,
    state: 'identifying',
    ingestId: null,
    reason: null,
    reasonCode: null,
    safeToRemove: false,
    attachedAt: '2026-11-26T08:30:15.000+08:00',
    openCheckout: null,
    ...change,
  };
}

const attached = (v: AttachedVolume): StationEvent => ({ type: 'volume.attached', mountpoint: v.mountpoint, deviceId: v.deviceId, volume: v });
const updated = (v: AttachedVolume): StationEvent => ({ type: 'volume.updated', mountpoint: v.mountpoint, deviceId: v.deviceId, volume: v });
const detached = (mountpoint: string): StationEvent => ({ type: 'volume.detached', mountpoint, deviceId: null });

describe('volume cards folded from station events', () => {
  it('takes each attach and update as the whole truth about that volume', () => {
    let cards = cardsFromList([volume('/media/a', { state: 'ready' })]);
    cards = applyVolumeEvent(cards, updated(volume('/media/a', { state: 'ingesting', ingestId: 'i1' })));
    cards = applyVolumeEvent(cards, attached(volume('/media/b', { state: 'unknown-device' })));
    expect(cards['/media/a']).toEqual({ volume: volume('/media/a', { state: 'ingesting', ingestId: 'i1' }), removed: false });
    expect(cards['/media/b']?.volume.state).toBe('unknown-device');
  });

  it('drops a card that is unplugged, but keeps one pulled out mid-ingest, marked removed, until dismissed', () => {
    let cards = cardsFromList([
      volume('/media/done', { state: 'verified', safeToRemove: true }),
      volume('/media/busy', { state: 'ingesting', ingestId: 'i2' }),
    ]);
    cards = applyVolumeEvent(cards, detached('/media/done'));
    cards = applyVolumeEvent(cards, detached('/media/busy'));
    expect(Object.keys(cards)).toEqual(['/media/busy']);
    expect(cards['/media/busy']?.removed).toBe(true);
    // Plugged in again at the same place: a fresh card.
    const again = applyVolumeEvent(cards, attached(volume('/media/busy', { state: 'ready' })));
    expect(again['/media/busy']).toEqual({ volume: volume('/media/busy', { state: 'ready' }), removed: false });
    expect(dismissCard(cards, '/media/busy')).toEqual({});
  });

  it('ignores events about other things and volumes it never saw', () => {
    const cards = cardsFromList([volume('/media/a')]);
    expect(applyVolumeEvent(cards, detached('/media/unknown'))).toBe(cards);
    expect(applyVolumeEvent(cards, { type: 'station.error', message: 'mountinfo unreadable' })).toBe(cards);
    expect(dismissCard(cards, '/media/unknown')).toBe(cards);
  });

  it('orders cards by when they were plugged in', () => {
    const cards = cardsFromList([
      volume('/media/late', { attachedAt: '2026-11-26T08:31:00.000+08:00' }),
      volume('/media/early', { attachedAt: '2026-11-26T00:30:00.000Z' }),
    ]);
    expect(orderedCards(cards).map((card) => card.volume.mountpoint)).toEqual(['/media/early', '/media/late']);
  });
});
