// What every backend checks before it lets its tool touch a disc. The tools (xorriso, IMAPI2,
// hdiutil) would otherwise find out mid-burn, or wait for a disc to be inserted.
import { BurnError, type DriveMedia } from './burner.js';

/** A medium as the backend read it, plus whether its tool can write this kind of disc at all. */
export interface CheckedMedia extends DriveMedia {
  writable: boolean;
}

/** Throws the BurnError a person can act on; returns when `bytes` can be written onto `media`. */
export function refuseBeforeWriting(media: CheckedMedia, bytes: number, drive: string): void {
  if (media.kind === 'none') throw new BurnError('no-disc', `no disc in ${drive} (or its tray is open): insert a blank disc`);
  if (!media.writable) throw new BurnError('wrong-medium', `${drive} holds a ${media.kind}, which cannot be written: insert a blank recordable disc`);
  if (!media.blank) throw new BurnError('not-blank', `the ${media.kind} in ${drive} is not blank: archival copies go onto blank discs only`);
  if (media.freeBytes !== null && media.freeBytes < bytes) {
    throw new BurnError(
      'disc-full',
      `the image (${bytes} bytes) does not fit on the ${media.kind} in ${drive} (${media.freeBytes} bytes free)`,
    );
  }
}

/** The station runner's error, as a BurnError: `cancelled` when the caller aborted, else `failed`. */
export function runFailure(error: unknown, signal: AbortSignal | undefined): BurnError {
  if (error instanceof BurnError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BurnError(signal?.aborted === true ? 'cancelled' : 'failed', message);
}

/**
 * How long a burn may take before the runner kills it: writing and the tool's own verify pass,
 * each at no less than 1 MB/s (below DVD 1x, a CD at 8x), plus a quarter hour for lead-in,
 * calibration and closing the disc.
 */
export function burnTimeoutMs(bytes: number): number {
  return 15 * 60_000 + Math.ceil((2 * bytes) / 1_000_000) * 1000;
}
