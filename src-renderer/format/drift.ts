import type { DriftBasis } from '../../src-main/contract/index.js';
import { splitSeconds } from './duration.js';

export type Basis = NonNullable<DriftBasis>;

/** A locale key and what fills it; the components turn it into words with `t`. */
export interface Phrase {
  key: string;
  values: Record<string, number>;
}

/** A length of time as words: "2 分 17 秒", "1 h 0 min 5 s". Every unit down to seconds is kept: a drift is read to the second. */
export function amountPhrase(seconds: number): Phrase {
  const parts = splitSeconds(Math.abs(seconds));
  if (parts.hours > 0) return { key: 'drift.amount.hms', values: parts };
  if (parts.minutes > 0) return { key: 'drift.amount.ms', values: { minutes: parts.minutes, seconds: parts.seconds } };
  return { key: 'drift.amount.s', values: { seconds: parts.seconds } };
}

export type DriftDescription =
  | { kind: 'unknown' }
  | { kind: 'on-time'; basis: Basis }
  | { kind: 'fast' | 'slow'; basis: Basis; amount: Phrase; atLeast: boolean };

/**
 * What a measured drift means for the officer. Drift is device time − true time: positive, the
 * recorder's clock runs ahead. The station clock at plug-in only proves a lower bound (a recording
 * cannot end after the card was plugged in), so that basis says "at least".
 */
export function describeDrift(seconds: number | null, basis: DriftBasis): DriftDescription {
  if (seconds === null || basis === null || !Number.isFinite(seconds)) return { kind: 'unknown' };
  // Shown to the second: under half a second rounds to nothing.
  if (Math.abs(seconds) < 0.5) return { kind: 'on-time', basis };
  return { kind: seconds > 0 ? 'fast' : 'slow', basis, amount: amountPhrase(seconds), atLeast: basis === 'station-clock' };
}

/** The locale key of a drift sentence. */
export function driftKey(description: DriftDescription): string {
  switch (description.kind) {
    case 'unknown':
      return 'drift.unknown';
    case 'on-time':
      return 'drift.onTime';
    default:
      return `drift.${description.kind}${description.atLeast ? 'AtLeast' : ''}`;
  }
}

/** A signed drift for tables ("+137 s", "−3 s"): compact where a sentence would not fit. */
export function signedSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  const whole = Math.round(seconds);
  if (whole === 0) return '0 s';
  return `${whole > 0 ? '+' : '−'}${Math.abs(whole)} s`;
}
