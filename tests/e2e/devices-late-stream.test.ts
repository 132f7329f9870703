import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage } from './support/in-page.js';
import { startStation, type RunningStation } from './support/station-process.js';

const browserSkip = browserSkipReason();
const rootMissing = browserSkip === null ? requireRootFeatures() : null;
const skip = browserSkip ?? rootMissing;

/** The station's own word on a volume, asked through the page's session (not through the page's cards). */
async function stationState(page: Page, mountpoint: string): Promise<string | null> {
  const result = (await commandInPage(page, 'volumes.list')) as { ok: boolean; value: { mountpoint: string; state: string }[] };
  return result.ok ? (result.value.find((volume) => volume.mountpoint === mountpoint)?.state ?? null) : null;
}

describe.skipIf(skip !== null)(`the Devices page when its event stream opens late${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let work: string;
  let browser: Browser;
  let station: RunningStation;
  let page: Page;
  let volume: ExfatVolume | undefined;
  let openStream: () => void = () => undefined;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-late-stream-'));
    await mkdir(join(work, 'data'));
    station = await startStation(join(work, 'data'), ['--any-volume']);
    browser = await launchChromium();
    page = await browser.newPage();
    // The page asks for a signed address before it opens its event stream: held back, as a busy
    // station or a slow network can, until the test lets it through.
    const released = new Promise<void>((resolve) => (openStream = resolve));
    await page.route('**/api/sign/api/events', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${station.url}#/devices`);
    await page.getByTestId('devices-page').waitFor();
  }, 60_000);

  afterAll(async () => {
    openStream();
    await browser?.close();
    await station?.stop();
    await volume?.destroy();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('shows a card recognised before the stream opened, as it is now', async () => {
    // Plugged in after the page listed the cards and before its stream opened: the station tells of
    // it (attached, unknown) to no one listening.
    volume = await createExfatVolume({ sizeMiB: 16, label: 'LATESTREAM', parentDir: work });
    const mountpoint = volume.mountpoint;
    await expect.poll(() => stationState(page, mountpoint), { timeout: 30_000 }).toBe('unknown-device');
    const card = page.locator(`[data-testid="volume-card"][data-mountpoint="${mountpoint}"]`);
    expect(await card.count()).toBe(0);

    openStream();
    // Once the stream is open the page lists the cards again, so the card shows what the station knows.
    await expect.poll(async () => card.getAttribute('data-state', { timeout: 1_000 }).catch(() => null), { timeout: 30_000 }).toBe('unknown-device');
  }, 90_000);
});
