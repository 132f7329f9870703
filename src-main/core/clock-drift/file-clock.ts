import type { DriftBasis, FileClock } from '../../contract/index.js';

/**
 * A file's clock as reported: its device time always; the corrected time, drift and basis only when
 * the ingest measured a drift that applies to it (a file with no device time has nothing to correct).
 */
export function fileClock(deviceTime: string | null, correctedTime: string | null, driftSeconds: number | null, basis: DriftBasis): FileClock {
  const measured = correctedTime !== null && driftSeconds !== null;
  return {
    deviceTime,
    correctedTime: measured ? correctedTime : null,
    driftSeconds: measured ? driftSeconds : null,
    basis: measured ? basis : null,
  };
}
