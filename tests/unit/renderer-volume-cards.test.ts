import { describe, expect, it } from 'vitest';
import type { AttachedVolume, StationEvent } from '../../src-main/contract/index.js';
import { applyVolumeEvent, cardsFromList, dismissCard, orderedCards } from '../../src-renderer/features/devices/volume-cards.js';
import { attachedVolume } from './renderer-fixtures.js';

const attached = (v: AttachedVolume): StationEvent => ({ type: 'volume.attached', mountpoint: v.mountpoint, deviceId: v.deviceId, volume: v });
const updated = (v: AttachedVolume): StationEvent => ({ type: 'volume.updated', mountpoint: v.mountpoint, deviceId: v.deviceId, volume: v });
const detached = (mountpoint: string): StationEvent => ({ type: 'volume.detached', mountpoint, deviceId: null });

describe('volume cards folded from station events', () => {
  it('takes each attach and update as the whole truth about that volume', () => {
    let cards = cardsFromList([attachedVolume('/media/a', { state: 'ready' })]);
    cards = applyVolumeEvent(cards, updated(attachedVolume('/media/a', { state: 'ingesting', ingestId: 'i1' })));
    cards = applyVolumeEvent(cards, attached(attachedVolume('/media/b', { state: 'unknown-device' })));
    expect(cards['/media/a']).toEqual({ volume: attachedVolume('/media/a', { state: 'ingesting', ingestId: 'i1' }), removed: false });
    expect(cards['/media/b']?.volume.state).toBe('unknown-device');
  });

  it('drops a card that is unplugged, but keeps one pulled out mid-ingest, marked removed, until dismissed', () => {
    let cards = cardsFromList([
      attachedVolume('/media/done', { state: 'verified', safeToRemove: true }),
      attachedVolume('/media/busy', { state: 'ingesting', ingestId: 'i2' }),
    ]);
    cards = applyVolumeEvent(cards, detached('/media/done'));
    cards = applyVolumeEvent(cards, detached('/media/busy'));
    expect(Object.keys(cards)).toEqual(['/media/busy']);
    expect(cards['/media/busy']?.removed).toBe(true);
    // Plugged in again at the same place: a fresh card.
    const again = applyVolumeEvent(cards, attached(attachedVolume('/media/busy', { state: 'ready' })));
    expect(again['/media/busy']).toEqual({ volume: attachedVolume('/media/busy', { state: 'ready' }), removed: false });
    expect(dismissCard(cards, '/media/busy')).toEqual({});
  });

  it('ignores events about other things and volumes it never saw', () => {
    const cards = cardsFromList([attachedVolume('/media/a')]);
    expect(applyVolumeEvent(cards, detached('/media/unknown'))).toBe(cards);
    expect(applyVolumeEvent(cards, { type: 'station.error', message: 'mountinfo unreadable' })).toBe(cards);
    expect(dismissCard(cards, '/media/unknown')).toBe(cards);
  });

  it('orders cards by when they were plugged in', () => {
    const cards = cardsFromList([
      attachedVolume('/media/late', { attachedAt: '2026-11-26T08:31:00.000+08:00' }),
      attachedVolume('/media/early', { attachedAt: '2026-11-26T00:30:00.000Z' }),
    ]);
    expect(orderedCards(cards).map((card) => card.volume.mountpoint)).toEqual(['/media/early', '/media/late']);
  });
});
