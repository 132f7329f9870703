import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVideo } from '../helpers/make-media.js';
import { runCli } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { makeSourceFolder, type SourceFolder } from './support/source-folder.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
const damagedName = '1234567_012345_20241101083015_0001.MP4';

describe.skipIf(skipReason !== null)(`the recordings and import lists, sorted and filtered${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let card: SourceFolder;
  let sizes: Map<string, number>;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;

  /** The file names of the rows on screen, top to bottom. */
  const rowNames = async () =>
    (await page.getByTestId('recording-file').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''))).map(
      (path) => path.split('/').pop() ?? '',
    );
  const total = () => page.getByTestId('recordings-total').textContent();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-lists-'));
    // A registered recorder's card (its serial is in a file name), with a file no player can read…
    card = await makeSourceFolder(join(work, 'card1'));
    // Fixed bytes, not random ones: random bytes now and then decode as a frame of some format.
    await writeFile(join(card.root, 'DCIM', damagedName), Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 151 + 7) % 251)));
    // …and a folder from a recorder nobody registered.
    makeVideo(join(work, 'card2', 'CLIP0009.MP4'), { seconds: 1, seed: 5, creationTime: '2024-06-01T02:00:00Z' });
    const data = join(work, 'data');
    expect(runCli(data, ['device', 'add', '--serial', '1234567', '--type', 'body-camera', '--name', '执法记录仪']).status).toBe(0);
    for (const source of [card.root, join(work, 'card2')]) expect(runCli(data, ['ingest', source]).status).toBe(0);
    const files = [...card.media.map((file) => join(card.root, file.relative)), join(card.root, 'DCIM', damagedName), join(work, 'card2', 'CLIP0009.MP4')];
    sizes = new Map(await Promise.all(files.map(async (path) => [path.split('/').pop() ?? '', (await stat(path)).size] as const)));
    station = await startStation(data);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(station.url);
    await page.getByTestId('station-name').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('sorts the recordings by size, largest first, then the other way on a second press', async () => {
    await page.getByTestId('nav-recordings').click();
    await expect.poll(total).toBe('共 5 条');
    const bySize = [...sizes.keys()].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
    await page.getByTestId('sort-size').click();
    await expect.poll(rowNames).toEqual(bySize);
    expect(await page.getByTestId('sort-size').getAttribute('data-order')).toBe('desc');
    await page.getByTestId('sort-size').click();
    await expect.poll(rowNames).toEqual([...bySize].reverse());
  });

  it('shows one frame of each video that has one, served with the credentials of the page', async () => {
    // The three real clips; the damaged file has no frame and shows none, the photo is no video.
    const drawn = () =>
      page.getByTestId('recording-thumbnail').evaluateAll((images) =>
        images.filter((image) => (image as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0).length,
      );
    await expect.poll(drawn).toBe(3);
    // The damaged file's picture goes once the station has answered that it has no frame, which can
    // come after the three frames are drawn (its ffmpeg run may end after theirs): polled, not read once.
    await expect.poll(() => page.getByTestId('recording-thumbnail').count()).toBe(3);
  });

  it('filters the recordings by damage, device and days', async () => {
    await page.getByTestId('recordings-damaged').check();
    await expect.poll(rowNames).toEqual([damagedName]);
    await page.getByTestId('recordings-damaged').uncheck();
    await page.getByTestId('recordings-device').selectOption({ label: '执法记录仪 (1234567)' });
    await expect.poll(total).toBe('共 4 条');
    await page.getByTestId('recordings-device').selectOption('');
    // 06:03 and 06:10 UTC are the afternoon of 1 May in Shanghai.
    await page.getByTestId('recordings-days-from').fill('2024-05-01');
    await page.getByTestId('recordings-days-to').fill('2024-05-01');
    await page.getByTestId('sort-file').click();
    await expect.poll(rowNames).toEqual(['CLIP0001.MP4', 'CLIP0002.MP4']);
  });

  it('lists the imports with their devices, sorts them by device, filters them by state, and says which page it shows', async () => {
    await page.getByTestId('nav-ingests').click();
    const devices = () => page.getByTestId('ingest-row-device').allTextContents();
    await expect.poll(devices).toEqual(['card2', '执法记录仪 (1234567)']);
    expect(await page.getByTestId('ingests-pager').textContent()).toBe('第 1–2 条，共 2 条');
    await page.getByTestId('ingests-sort-device').click();
    await expect.poll(devices).toEqual(['card2', '执法记录仪 (1234567)']);
    await page.getByTestId('ingests-sort-device').click();
    await expect.poll(devices).toEqual(['执法记录仪 (1234567)', 'card2']);
    await page.getByTestId('ingests-device').selectOption({ label: '执法记录仪 (1234567)' });
    await expect.poll(devices).toEqual(['执法记录仪 (1234567)']);
    await page.getByTestId('ingests-state').selectOption('failed');
    await expect.poll(() => page.getByTestId('ingests-empty').textContent()).toBe('没有符合条件的导入记录。');
  });
});
