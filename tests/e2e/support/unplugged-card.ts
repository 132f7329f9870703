import { cp } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createExfatVolume, type ExfatVolume } from '../../helpers/exfat-volume.js';
import { commandValue } from './in-page.js';

/** The mount points the station offers right now, asked through the page's own session. */
export async function stationMountpoints(page: Page): Promise<string[]> {
  return (await commandValue<{ mountpoint: string }[]>(page, 'volumes.list')).map((volume) => volume.mountpoint);
}

/**
 * A card filled before the station may look at its files: `staging` copied onto a new exFAT
 * volume, flushed by a clean remount, then unplugged (cable pulled) until the station has let it
 * go. `remount()` plugs it in, full. Plugged back at once, it could get the dead mount's id back
 * (Linux gives a freed id to the next mount) and the station would never see it come again.
 * `created` is told of the volume as soon as it exists, so the caller can destroy it whatever
 * happens next.
 */
export async function unpluggedCard(
  page: Page,
  staging: string,
  options: { label: string; readBytesPerSecond?: number; created(volume: ExfatVolume): void },
): Promise<ExfatVolume> {
  const volume = await createExfatVolume({ sizeMiB: 32, label: options.label });
  options.created(volume);
  await cp(staging, volume.mountpoint, { recursive: true });
  await volume.remount();
  // Set while its FUSE daemon lives; every later mount of the card keeps it.
  if (options.readBytesPerSecond) await volume.throttle(options.readBytesPerSecond);
  await volume.pullCable();
  await expect.poll(() => stationMountpoints(page), { timeout: 10_000 }).not.toContain(volume.mountpoint);
  return volume;
}
