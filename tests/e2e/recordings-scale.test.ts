import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/database.js';
import { finishIngest, insertArchivedFile, insertIngest } from '../../src-main/core/ingest/ingest-store.js';
import { saveMetadata } from '../../src-main/core/recordings/recording-store.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
const count = 100_000;
const rowHeight = 36;
const newest = Date.parse('2024-06-01T00:00:00Z');
const shaOf = (index: number) => createHash('sha256').update(`recording ${index}`).digest('hex');

/**
 * Ingesting 100 000 real files would take most of an hour here, so the index is filled through
 * the core's own store functions instead: the table under test only ever sees what
 * `recordings.list` returns. Row k of the list (newest first) is recording k.
 */
function seedIndex(dataDir: string): void {
  const db = openDatabase(join(dataDir, 'station.db'));
  const ingestId = 'seeded-ingest';
  db.transaction(() => {
    insertIngest(db, {
      id: ingestId,
      source_path: '/media/seed',
      archive_dir: `archive/${ingestId}`,
      operator: 'test',
      station_name: 'seed',
      source_label: 'SEED',
      owner_pid: process.pid,
      owner_identity: null,
      started_at: newest,
      device_id: null,
      mountpoint: null,
      plugged_in_at: null,
    });
    for (let index = 0; index < count; index += 1) {
      const sha256 = shaOf(index);
      const recordedAtMs = newest - index * 60_000;
      const id = insertArchivedFile(db, {
        sha256,
        verifiedSha256: sha256,
        verification: 'o_direct',
        size: 1_000_000 + index,
        ingestId,
        archivePath: `archive/${ingestId}/data/DCIM/${index}.MP4`,
        originalPath: `DCIM/${index}.MP4`,
        sourceMtime: recordedAtMs,
        archivedAt: newest,
        kind: 'video',
        officerNumber: index % 2 === 0 ? '012345' : null,
        important: index % 7 === 0,
        originalNameHex: null,
      });
      saveMetadata(
        db,
        id,
        {
          kind: 'video',
          recordedAt: new Date(recordedAtMs).toISOString(),
          recordedAtSource: 'QuickTime:CreateDate',
          durationSeconds: 60,
          codec: 'h264',
          width: 1920,
          height: 1080,
          readable: true,
          problem: null,
          tags: {},
        },
        recordedAtMs,
      );
    }
    finishIngest(db, ingestId, 'completed', null, newest);
  })();
  db.close();
}

interface Scrollable {
  scrollTop: number;
}

describe.skipIf(skipReason !== null)(`recordings table at 100 000 rows${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;
  let viewport: Locator;
  const listRequests: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-scale-'));
    const dataDir = join(work, 'data');
    await mkdir(dataDir);
    seedIndex(dataDir);
    station = await startStation(dataDir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('request', (request) => {
      if (request.url().includes('/api/command/recordings.list')) listRequests.push(request.postData() ?? '');
    });
    viewport = page.getByTestId('virtual-viewport');
    // 100 000 rows through the store functions: over a minute on a loaded two-core machine.
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const row = (index: number) => page.locator(`[data-testid="recording-row"][aria-rowindex="${index + 2}"]`);

  it('shows the total at once and keeps only the visible rows in the page', async () => {
    await page.goto(`${station.url}#/recordings`);
    await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe('共 100,000 条');
    await row(0).waitFor();
    expect(await row(0).getAttribute('data-sha256')).toBe(shaOf(0));
    const rendered = await page.getByTestId('recording-row').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(60);
    expect(listRequests).toHaveLength(1);
  });

  it('jumps to the middle and fetches only the pages on screen', async () => {
    const before = listRequests.length;
    await viewport.evaluate((element: Scrollable, top) => {
      element.scrollTop = top;
    }, rowHeight * 50_000);
    await row(50_000).waitFor();
    expect(await row(50_000).getAttribute('data-sha256')).toBe(shaOf(50_000));
    expect(await row(50_001).locator('[role="cell"]').nth(2).textContent()).toBe('DCIM/50001.MP4');
    expect(listRequests.length - before).toBeLessThanOrEqual(2);
    expect(await page.getByTestId('recording-row').count()).toBeLessThan(60);
  });

  it('reaches the last row and comes back to the first from the cache', async () => {
    await viewport.evaluate((element: Scrollable) => {
      element.scrollTop = 1e9;
    });
    await row(count - 1).waitFor();
    expect(await row(count - 1).getAttribute('data-sha256')).toBe(shaOf(count - 1));
    const before = listRequests.length;
    await viewport.evaluate((element: Scrollable) => {
      element.scrollTop = 0;
    });
    await row(0).waitFor();
    expect(await row(0).getAttribute('data-sha256')).toBe(shaOf(0));
    expect(listRequests.length).toBe(before);
  });

  it('searches the whole index on the server', async () => {
    await page.getByTestId('recordings-search').fill('DCIM/98765.');
    await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe('共 1 条');
    expect(await row(0).getAttribute('data-sha256')).toBe(shaOf(98_765));
  });

  it("filters by the officer number and by the officer's important mark, and shows both in the row", async () => {
    await page.getByTestId('recordings-search').fill('');
    await page.getByTestId('recordings-officer').fill('012345');
    await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe('共 50,000 条');
    expect(await row(0).getByTestId('recording-officer').textContent()).toBe('012345 ★');
    await page.getByTestId('recordings-important').check();
    // Even rows carry the officer; every seventh is marked: 0, 14, 28, … below 100 000.
    await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe(`共 ${Math.ceil(count / 14).toLocaleString('en')} 条`);
    expect(await row(1).getAttribute('data-sha256')).toBe(shaOf(14));
  });
});
