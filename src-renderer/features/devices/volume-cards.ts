import type { AttachedVolume } from '../../../src-main/contract/index.js';
import type { StationEvent } from '../../api/types.js';

export interface VolumeCard {
  volume: AttachedVolume;
  /** Pulled out while its ingest ran: kept on screen so the officer sees the copy did not finish. */
  removed: boolean;
}

/** Keyed by mount point: the station names a plugged-in volume by where it is mounted. */
export type VolumeCards = Readonly<Record<string, VolumeCard>>;

export function cardsFromList(volumes: readonly AttachedVolume[]): VolumeCards {
  return Object.fromEntries(volumes.map((volume) => [volume.mountpoint, { volume, removed: false }]));
}

/** Pure: folds one station event into the cards. Events about anything else leave them as they are. */
export function applyVolumeEvent(cards: VolumeCards, event: StationEvent): VolumeCards {
  switch (event.type) {
    case 'volume.attached':
    case 'volume.updated':
      return { ...cards, [event.mountpoint]: { volume: event.volume, removed: false } };
    case 'volume.detached': {
      const card = cards[event.mountpoint];
      if (!card) return cards;
      if (card.volume.state === 'ingesting') return { ...cards, [event.mountpoint]: { ...card, removed: true } };
      // Verified, failed, never ingested: nothing more to say about a card that is gone.
      return dismissCard(cards, event.mountpoint);
    }
    default:
      return cards;
  }
}

export function dismissCard(cards: VolumeCards, mountpoint: string): VolumeCards {
  if (!(mountpoint in cards)) return cards;
  const { [mountpoint]: _gone, ...rest } = cards;
  return rest;
}

/** In the order they were plugged in, so a card does not jump about as others come and go. */
export function orderedCards(cards: VolumeCards): VolumeCard[] {
  return Object.values(cards).sort(
    (a, b) => Date.parse(a.volume.attachedAt) - Date.parse(b.volume.attachedAt) || a.volume.mountpoint.localeCompare(b.volume.mountpoint),
  );
}
