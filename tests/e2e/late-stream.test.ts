import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandValue } from './support/in-page.js';
import { startStation, type RunningStation } from './support/station-process.js';

const browserSkip = browserSkipReason();

/**
 * A page whose event stream is held back, as a busy station or a slow network can: the page asks
 * for a signed address before it opens the stream, and that request waits until `openStream()`.
 */
async function pageWithHeldStream(browser: Browser, url: string, pageTestId: string): Promise<{ page: Page; openStream(): void }> {
  const page = await browser.newPage();
  let openStream: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (openStream = resolve));
  await page.route('**/api/sign/api/events', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(url);
  await page.getByTestId(pageTestId).waitFor();
  return { page, openStream };
}

describe.skipIf(browserSkip !== null)(`pages whose event stream opens late${browserSkip ? ` (skipped: ${browserSkip})` : ''}`, () => {
  let work: string;
  let browser: Browser;
  let station: RunningStation;
  let volume: ExfatVolume | undefined;
  const releases: (() => void)[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-late-stream-'));
    await mkdir(join(work, 'data'));
    station = await startStation(join(work, 'data'), ['--any-volume']);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    releases.forEach((release) => release());
    await browser?.close();
    await station?.stop();
    await volume?.destroy();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const rootMissing = browserSkip === null ? requireRootFeatures() : null;
  it.skipIf(rootMissing !== null)(`Devices shows a card recognised before the stream opened, as it is now${rootMissing ? ` (skipped: ${rootMissing})` : ''}`, async () => {
    const { page, openStream } = await pageWithHeldStream(browser, `${station.url}#/devices`, 'devices-page');
    releases.push(openStream);
    // Plugged in after the page listed the cards and before its stream opened: the station tells of
    // it (attached, unknown) to no one listening.
    volume = await createExfatVolume({ sizeMiB: 16, label: 'LATESTREAM', parentDir: work });
    const mountpoint = volume.mountpoint;
    const stationState = async (): Promise<string | null> =>
      (await commandValue<{ mountpoint: string; state: string }[]>(page, 'volumes.list', {})).find((v) => v.mountpoint === mountpoint)?.state ?? null;
    await expect.poll(stationState, { timeout: 30_000 }).toBe('unknown-device');
    const card = page.locator(`[data-testid="volume-card"][data-mountpoint="${mountpoint}"]`);
    expect(await card.count()).toBe(0);

    openStream();
    // Once the stream is open the page lists the cards again, so the card shows what the station knows.
    await expect.poll(async () => card.getAttribute('data-state', { timeout: 1_000 }).catch(() => null), { timeout: 30_000 }).toBe('unknown-device');
    await page.close();
  }, 90_000);

  it('Ingests lists an ingest that ended before the stream opened', async () => {
    const { page, openStream } = await pageWithHeldStream(browser, `${station.url}#/ingests`, 'ingests-page');
    releases.push(openStream);
    await page.getByTestId('ingests-empty').waitFor();
    const source = join(work, 'unheard');
    await mkdir(source);
    await writeFile(join(source, 'note.txt'), 'an ingest nobody was listening for\n');
    // Started and ended while the page's stream was still held: its events reached no one.
    const { ingestId } = await commandValue<{ ingestId: string }>(page, 'ingest.start', { sourcePath: source });
    await expect.poll(async () => (await commandValue<{ state: string }>(page, 'ingest.get', { ingestId })).state, { timeout: 60_000 }).toBe('completed');
    const row = page.locator(`[data-testid="ingest-row"][data-ingest-id="${ingestId}"]`);
    expect(await row.count()).toBe(0);

    openStream();
    await row.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('ingests-empty').count()).toBe(0);
    await page.close();
  }, 90_000);
});
