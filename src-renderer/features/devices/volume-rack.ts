import type { Deadline } from '../../../src-main/contract/index.js';
import type { Jobs } from '../../state/ingest-jobs.js';
import type { VolumeCard } from './volume-cards.js';

/** What the ledger says about the recorders on the rack: who had each, and which are late without a reason. */
export interface LedgerWord {
  officerOf(deviceId: number): { name: string; officerNumber: string } | null;
  lateWithoutReason(deviceId: number): boolean;
}

/** `ledger.deadlines` lists every check-out not met yet and the late ones still without a reason. */
export function ledgerWord(deadlines: readonly Deadline[]): LedgerWord {
  return {
    officerOf: (deviceId) => deadlines.find((row) => row.device.id === deviceId)?.officer ?? null,
    lateWithoutReason: (deviceId) => deadlines.some((row) => row.device.id === deviceId && row.state === 'late'),
  };
}

/** The card's place on the rack: a person is needed first, then the copies running, then the rest, the finished last. */
export type RackGroup = 'attention' | 'copying' | 'waiting' | 'verified';
const groupOrder: readonly RackGroup[] = ['attention', 'copying', 'waiting', 'verified'];

function rackGroup(card: VolumeCard, ledger: LedgerWord): RackGroup {
  const { volume } = card;
  if (card.removed || volume.state === 'unknown-device' || volume.state === 'failed') return 'attention';
  if (volume.deviceId !== null && ledger.lateWithoutReason(volume.deviceId)) return 'attention';
  if (volume.state === 'ingesting') return 'copying';
  if (volume.state === 'verified') return 'verified';
  return 'waiting';
}

/** A card with its group, worked out once for the order, the summary and the card's own look. */
export interface RackPlace {
  card: VolumeCard;
  group: RackGroup;
}

/**
 * By group, then in plug-in order (the order `cards` already has): a card moves only when its
 * state changes, never with a progress tick, so the officer's eye finds it where it was.
 */
export function rackOrder(cards: readonly VolumeCard[], ledger: LedgerWord): RackPlace[] {
  return cards
    .map((card, index) => ({ card, index, group: rackGroup(card, ledger) }))
    .sort((a, b) => groupOrder.indexOf(a.group) - groupOrder.indexOf(b.group) || a.index - b.index)
    .map(({ card, group }) => ({ card, group }));
}

export interface RackSummary {
  counts: Record<RackGroup, number>;
  /** When the last running copy should end (they run side by side); null while none can tell. */
  secondsLeft: number | null;
}

export function rackSummary(places: readonly RackPlace[], jobs: Jobs): RackSummary {
  const counts: Record<RackGroup, number> = { attention: 0, copying: 0, waiting: 0, verified: 0 };
  let secondsLeft: number | null = null;
  for (const { card, group } of places) {
    counts[group] += 1;
    if (group !== 'copying' || card.volume.ingestId === null) continue;
    const left = jobs[card.volume.ingestId]?.progress?.secondsLeft ?? null;
    if (left !== null && Number.isFinite(left)) secondsLeft = Math.max(secondsLeft ?? 0, left);
  }
  return { counts, secondsLeft };
}

/**
 * From this many cards on, each shows only what the desk reads at a glance (the rest behind
 * "详情"), so that three rows of four fit on a 1366×768 screen. Up to four fit on one row as
 * they are: a card or two keeps its roomy layout, with every fact in view.
 */
export const compactFrom = 5;

export function rackIsCompact(cardCount: number): boolean {
  return cardCount >= compactFrom;
}
