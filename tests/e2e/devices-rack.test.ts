import { randomInt } from 'node:crypto';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExfatVolume, dropCaches, type ExfatVolume } from '../helpers/exfat-volume.js';
import { makeFile, makeVideo } from '../helpers/make-media.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCli } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { misfits } from './support/layout-checks.js';
import { startStation, type RunningStation } from './support/station-process.js';

const browserSkip = browserSkipReason();
const rootMissing = browserSkip === null ? requireRootFeatures({ throttle: true }) : null;
const skip = browserSkip ?? rootMissing;
const screenshotPath = join(import.meta.dirname, '../../docs/devices-rack.png');

/** A GA/T 947 name stamp (YYYYMMDDhhmmss) in the station's zone, Asia/Shanghai (UTC+8 all year). */
const shanghaiStamp = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
const hoursAgo = (hours: number): string => new Date(Date.now() - hours * 3_600_000).toISOString();

interface RackCard {
  mountpoint: string;
  state: string;
  group: string;
}
interface RackSnapshot {
  summary: { text: string; attention: number; copying: number; waiting: number; verified: number } | null;
  cards: RackCard[];
}

/** In-page: the summary line and every card as they stand in one rendered frame (both come from one render). */
const readRack = `(() => {
    const line = document.querySelector('[data-testid="rack-summary"]');
    const cards = [...document.querySelectorAll('[data-testid="volume-card"]')].map((card) => ({
      mountpoint: card.getAttribute('data-mountpoint'),
      state: card.getAttribute('data-state'),
      group: card.getAttribute('data-group'),
    }));
    const count = (name) => Number(line.getAttribute('data-' + name));
    return {
      summary: line && { text: line.textContent, attention: count('attention'), copying: count('copying'), waiting: count('waiting'), verified: count('verified') },
      cards,
    };
  })()`;

const snapshot = (page: Page): Promise<RackSnapshot> => page.evaluate(readRack) as Promise<RackSnapshot>;

interface CopyingSeen {
  /** The latest frame with all of this test's cards on screen and the line counting copies. */
  frame: RackSnapshot | null;
  /** The first percent shown on a copying card. */
  percent: string | null;
}

/**
 * Watches the page from its first script on and keeps what it showed while the cards copied, so a
 * copy that ends before the test looks still counts (the station copies as soon as it starts).
 */
async function watchCopying(page: Page, mountpoints: string[]): Promise<void> {
  await page.addInitScript(`(() => {
    window.copyingSeen = { frame: null, percent: null };
    const ours = ${JSON.stringify(mountpoints)};
    new MutationObserver(() => {
      const seen = window.copyingSeen;
      const frame = ${readRack};
      const shown = new Set(frame.cards.map((card) => card.mountpoint));
      if ((frame.summary?.copying ?? 0) > 0 && ours.every((mountpoint) => shown.has(mountpoint))) seen.frame = frame;
      if (seen.percent === null) {
        const percent = document.querySelector('[data-testid="volume-card"][data-state="ingesting"] [data-testid="card-progress"] .percent');
        if (percent) seen.percent = percent.textContent;
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  })()`);
}

const copyingSeen = (page: Page): Promise<CopyingSeen> => page.evaluate('window.copyingSeen') as Promise<CopyingSeen>;

const groups = ['attention', 'copying', 'waiting', 'verified'];

interface CardBox {
  state: string;
  /** Where its row starts and how tall its own content is (a grid row stretches every card to its tallest). */
  top: number;
  natural: number;
  /** It asks a person for something (check-in, late reason, findings): allowed to be taller. */
  asks: boolean;
}

/** Each card's own height, by where its last visible part ends. */
const cardBoxes = (page: Page): Promise<CardBox[]> =>
  page.evaluate(`[...document.querySelectorAll('[data-testid="volume-card"]')].map((card) => {
    const box = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    const ends = [...card.children].map((child) => child.getBoundingClientRect()).filter((r) => r.height > 0).map((r) => r.bottom);
    return {
      state: card.getAttribute('data-state'),
      top: Math.round(box.top),
      natural: Math.round(Math.max(...ends) - box.top + parseFloat(style.paddingBottom) + parseFloat(style.borderBottomWidth)),
      asks: card.querySelector('[data-testid="checkin-prompt"], [data-testid="card-late-reason-missing"], [data-testid="card-findings"]') !== null,
    };
  })`) as Promise<CardBox[]>;

/** Three rows of four under the summary line at 1366×768: a copying or verified card is one short row. */
async function expectCompact(page: Page, viewportHeight: number): Promise<void> {
  const boxes = await cardBoxes(page);
  const plain = boxes.filter((box) => (box.state === 'ingesting' || box.state === 'verified') && !box.asks);
  expect(plain.length).toBeGreaterThan(0);
  for (const box of plain) expect(box.natural, JSON.stringify(box)).toBeLessThanOrEqual(170);
  // With only this test's twelve on the machine, all of them fit on the screen (scrolled to the top).
  if (boxes.length === 12) {
    const last = await page.locator('[data-testid="volume-card"]').last().boundingBox();
    expect((last?.y ?? Infinity) + (last?.height ?? 0)).toBeLessThanOrEqual(viewportHeight);
  }
}

/** The line counts what the grid shows, and the grid is in the rack's order: a person needed first, verified last. */
function expectConsistent(seen: RackSnapshot): void {
  const counted = (group: string) => seen.cards.filter((card) => card.group === group).length;
  expect(seen.summary).not.toBeNull();
  expect(seen.summary).toMatchObject({ attention: counted('attention'), copying: counted('copying'), waiting: counted('waiting'), verified: counted('verified') });
  const ranks = seen.cards.map((card) => groups.indexOf(card.group));
  expect(ranks.every((rank) => rank >= 0)).toBe(true);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
}

describe.skipIf(skip !== null)(`the Devices page with a rack of twelve recorders${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let work: string;
  let browser: Browser;
  let station: RunningStation;
  let page: Page;
  const volumes: ExfatVolume[] = [];
  const serials = Array.from({ length: 11 }, (_, index) => `K${String(index).padStart(2, '0')}${randomInt(1000, 10_000)}`);
  const unknownSerial = `U${randomInt(100_000, 1_000_000)}`;
  let unknown: ExfatVolume;
  let late: ExfatVolume;
  let carried: ExfatVolume;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-rack-'));
    const data = join(work, 'data');
    const cli = (args: string[]) => {
      const result = runCli(data, args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    };
    // Eleven registered recorders; two are out with officers: one now, one returned two days ago
    // and never ingested, so its footage comes in after the deadline, with no reason yet.
    for (const serial of serials) cli(['device', 'add', '--serial', serial, '--type', 'body-camera']);
    cli(['person', 'add', '--name', '张警官', '--officer-number', '110001']);
    cli(['person', 'add', '--name', '李警官', '--officer-number', '110002']);
    const checks = ['--battery', 'ok', '--storage', 'ok', '--clock', 'ok'];
    cli(['checkout', '--device', serials[0]!, '--officer', '110001', ...checks]);
    cli(['checkout', '--device', serials[1]!, '--officer', '110002', ...checks, '--at', hoursAgo(72)]);
    cli(['checkin', '--device', serials[1]!, '--at', hoursAgo(48)]);

    // Twelve cards, each written, flushed by a remount and read through its own throttle (250 kB/s)
    // from a dropped cache: about ten seconds a card, slow enough to see them copy (and for the
    // screenshot to catch them at it), quick enough for a test.
    const at = Date.now() - 3 * 3_600_000;
    for (const [index, serial] of [...serials, unknownSerial].entries()) {
      const staging = join(work, `staging-${index}`);
      const video = join(staging, `DCIM/100MEDIA/${serial}_110001_${shanghaiStamp(at)}_0001.MP4`);
      await mkdir(dirname(video), { recursive: true });
      makeVideo(video, { seconds: 1, seed: index, creationTime: new Date(at).toISOString() });
      makeFile(join(staging, 'GPS/TRACK.DAT'), 1_500_000 + index * 100_000, index);
      const volume = await createExfatVolume({ sizeMiB: 32, label: `RACK${String(index).padStart(2, '0')}`, parentDir: work });
      volumes.push(volume);
      await cp(staging, volume.mountpoint, { recursive: true });
      await volume.remount();
      await volume.throttle(250_000);
    }
    carried = volumes[0]!;
    late = volumes[1]!;
    unknown = volumes[11]!;
    await dropCaches();

    // The browser is up before the station, and watches from the page's first script on: the
    // station starts copying at once, and what the page showed of it is kept (see watchCopying).
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await watchCopying(page, volumes.map((volume) => volume.mountpoint));
    station = await startStation(data, ['--any-volume', '--auto-ingest']);
    await page.goto(`${station.url}#/devices`);
    await page.getByTestId('devices-page').waitFor();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    for (const volume of volumes) await volume.destroy();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const card = (volume: ExfatVolume) => page.locator(`[data-testid="volume-card"][data-mountpoint="${volume.mountpoint}"]`);
  const ours = (seen: RackSnapshot) => seen.cards.filter((entry) => volumes.some((volume) => volume.mountpoint === entry.mountpoint));

  it('shows twelve cards in a grid four a row, the unknown recorder first, and a summary line that counts them', async () => {
    await expect.poll(async () => ours(await snapshot(page)).length, { timeout: 30_000 }).toBe(12);
    // Copies are running: the line says how many and about how long (as the page showed them last).
    await expect.poll(async () => (await copyingSeen(page)).frame !== null, { timeout: 30_000 }).toBe(true);
    const seen = (await copyingSeen(page)).frame!;
    expect(seen.summary?.copying ?? 0).toBeGreaterThan(0);
    expectConsistent(seen);
    // Other volumes on this machine (other tests' cards) show as unknown devices too: those may share the lead.
    expect(ours(seen)[0]?.mountpoint).toBe(unknown.mountpoint);
    const unknownAt = seen.cards.findIndex((entry) => entry.mountpoint === unknown.mountpoint);
    expect(seen.cards.slice(0, unknownAt + 1).every((entry) => entry.group === 'attention')).toBe(true);
    expect(seen.summary?.text).toMatch(/\d+ 个正在复制，(约 \d+ 分钟|不到 1 分钟|正在估算时间)/);
    expect(await card(unknown).getAttribute('data-state')).toBe('unknown-device');

    await expect.poll(async () => (await copyingSeen(page)).percent !== null, { timeout: 30_000 }).toBe(true);
    expect((await copyingSeen(page)).percent).toMatch(/^\d+%$/);

    // Four to a row at 1366 pixels, and nothing spills out of a card.
    const tops = await page.locator('[data-testid="volume-card"]').evaluateAll((cards: { getBoundingClientRect(): { top: number } }[]) =>
      cards.slice(0, 8).map((element) => Math.round(element.getBoundingClientRect().top)),
    );
    expect(tops.slice(0, 4).every((top) => top === tops[0])).toBe(true);
    expect(tops[4]).toBeGreaterThan(tops[0]!);
    expect(await misfits(page)).toEqual([]);
    await page.evaluate(`document.querySelector('.app-main').scrollTo(0, 0)`);
    await expectCompact(page, 768);
    // Taken while they copy: the rack as the desk sees it at the end of a shift.
    if (process.env.SCREENSHOT === '1') await page.screenshot({ path: screenshotPath });

    // The recorder out with an officer says whose it is.
    expect(await card(carried).getByTestId('card-officer').textContent()).toBe('张警官（110001）');
  }, 120_000);

  it('once the copies end: N verified — safe to remove, and the late recorder asks for its reason', async () => {
    await expect
      .poll(async () => ours(await snapshot(page)).filter((entry) => entry.state === 'verified').length, { timeout: 150_000, interval: 1_000 })
      .toBe(11);
    await expect.poll(async () => (await snapshot(page)).cards.find((entry) => entry.mountpoint === late.mountpoint)?.group).toBe('attention');
    const seen = await snapshot(page);
    expectConsistent(seen);
    const verified = seen.summary?.verified ?? 0;
    expect(verified).toBeGreaterThanOrEqual(10);
    expect(seen.summary?.copying).toBe(0);
    expect(seen.summary?.text).toBe(`${verified} 个已校验，可安全拔出；${seen.summary?.attention} 个需要人工处理`);
    expect(await card(late).getByTestId('card-late-reason-missing').textContent()).toBe('超过 24 小时才导入，尚未填写原因');
    expect(await card(late).getByTestId('card-officer').textContent()).toBe('李警官（110002）');
    expect(await misfits(page)).toEqual([]);
    await page.evaluate(`document.querySelector('.app-main').scrollTo(0, 0)`);
    await expectCompact(page, 768);

    // A compact card keeps the rest behind its details: how it was recognised, the way to its recordings.
    const done = card(volumes[5]!);
    expect(await done.getByTestId('safe-to-remove').textContent()).toBe('✓ 已校验，可以安全拔出');
    expect(await done.getByTestId('card-outcome').textContent()).toBe('归档 2 · 已在库 0 · 跳过 0 · 失败 0');
    const recordings = done.getByTestId('card-recordings-link');
    expect(await recordings.isVisible()).toBe(false);
    await done.getByTestId('card-details').locator('summary').click();
    await recordings.waitFor();
    expect(await done.getByTestId('card-how').textContent()).toBe('文件名中的记录仪序列号');
    await done.getByTestId('card-details').locator('summary').click();

    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    const english = await snapshot(page);
    expect(english.summary?.text).toBe(`${english.summary?.verified} verified — safe to remove; ${english.summary?.attention} waiting for a person`);
    expect(await done.getByTestId('card-details').locator('summary').textContent()).toBe('Details');
    expect(await misfits(page)).toEqual([]);
    await page.getByTestId('language-switch').selectOption('zh-CN');
  }, 200_000);
});
