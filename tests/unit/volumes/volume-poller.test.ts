import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Volume, VolumeSink } from '../../../src-main/core/volumes/volume.js';
import { VolumePoller } from '../../../src-main/core/volumes/volume-poller.js';

const card = (mountpoint: string): Volume => ({
  mountpoint,
  device: '/dev/sdb1',
  label: null,
  uuid: null,
  fsType: 'exfat',
  removable: true,
  sizeBytes: null,
  freeBytes: null,
});

/** A world of mounted cards the test changes, and a sink that writes down what the poller says. */
function setup() {
  const mounted = new Map<string, Volume>();
  const events: string[] = [];
  let scans = 0;
  const sink: VolumeSink = {
    attach: (volume) => events.push(`attach ${volume.mountpoint}`),
    detach: (volume) => events.push(`detach ${volume.mountpoint}`),
    error: (error) => events.push(`error ${error.message}`),
  };
  const scan = async () => {
    scans += 1;
    return new Map(mounted);
  };
  return { mounted, events, sink, scan, scans: () => scans };
}

async function until(what: string, done: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe('the volume poller', () => {
  it('reports what is there at start, then what comes and goes, gone before new', async () => {
    const world = setup();
    world.mounted.set('a', card('/media/a'));
    const poller = new VolumePoller(world.scan, { pollMs: 20 });
    await poller.start(world.sink);
    expect(world.events).toEqual(['attach /media/a']);
    world.mounted.delete('a');
    world.mounted.set('b', card('/media/b'));
    await until('the swap', () => world.events.length === 3);
    expect(world.events).toEqual(['attach /media/a', 'detach /media/a', 'attach /media/b']);
    await poller.stop();
  });

  it('scans at once on a trigger instead of waiting for the next poll', async () => {
    const world = setup();
    const poller = new VolumePoller(world.scan, { pollMs: 60_000 });
    await poller.start(world.sink);
    world.mounted.set('a', card('/media/a'));
    poller.trigger();
    // The next poll is a minute away: seeing the card at all means the trigger scanned.
    await until('the attach', () => world.events.length === 1);
    await poller.stop();
  });

  it('polls fast for a while after a trigger, then slowly again', async () => {
    const world = setup();
    const poller = new VolumePoller(world.scan, { pollMs: 60_000, fastPollMs: 10, burstMs: 200 });
    await poller.start(world.sink);
    poller.trigger();
    await sleep(150);
    const duringBurst = world.scans();
    expect(duringBurst).toBeGreaterThan(5);
    await sleep(300);
    const afterBurst = world.scans();
    await sleep(200);
    expect(world.scans()).toBe(afterBurst);
    await poller.stop();
  });

  it('scans once on scanNow, with no fast polling after it', async () => {
    const world = setup();
    const poller = new VolumePoller(world.scan, { pollMs: 60_000, fastPollMs: 10, burstMs: 200 });
    await poller.start(world.sink);
    world.mounted.set('a', card('/media/a'));
    poller.scanNow();
    await until('the attach', () => world.events.length === 1);
    // Longer than the burst would have lasted: a trigger would have scanned every 10 ms meanwhile.
    await sleep(250);
    expect(world.scans()).toBe(2);
    await poller.stop();
  });

  it('on scanNow during a scan, scans once more right after it', async () => {
    const world = setup();
    let release: (() => void) | null = null;
    let slow = false;
    const poller = new VolumePoller(async () => {
      // The table is read first; the scan is still in flight after it.
      const seen = await world.scan();
      if (slow) {
        slow = false;
        await new Promise<void>((resolve) => (release = resolve));
      }
      return seen;
    }, { pollMs: 60_000 });
    await poller.start(world.sink);
    slow = true;
    poller.scanNow();
    await until('a scan in flight', () => release !== null);
    // Mounted after the scan in flight read the table: only the scan after it can see the card.
    world.mounted.set('a', card('/media/a'));
    poller.scanNow();
    release!();
    await until('the attach', () => world.events.length === 1);
    expect(world.scans()).toBe(3);
    await poller.stop();
  });

  it('reports a failed scan as an error and keeps polling', async () => {
    const world = setup();
    let fail = true;
    const poller = new VolumePoller(async () => {
      if (fail) {
        fail = false;
        throw new Error('mount table unreadable');
      }
      return world.scan();
    }, { pollMs: 20 });
    await poller.start(world.sink);
    world.mounted.set('a', card('/media/a'));
    await until('the attach', () => world.events.length === 2);
    expect(world.events).toEqual(['error mount table unreadable', 'attach /media/a']);
    await poller.stop();
  });

  it('on stop, waits for the scan in flight and drops its result', async () => {
    const world = setup();
    let release: (() => void) | null = null;
    let slow = false;
    const poller = new VolumePoller(async () => {
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      return world.scan();
    }, { pollMs: 10 });
    await poller.start(world.sink);
    slow = true;
    world.mounted.set('a', card('/media/a'));
    await until('a scan in flight', () => release !== null);
    let stopped = false;
    const stopping = poller.stop().then(() => (stopped = true));
    await sleep(20);
    expect(stopped).toBe(false);
    release!();
    await stopping;
    const scansAtStop = world.scans();
    await sleep(50);
    expect(world.events).toEqual([]);
    expect(world.scans()).toBe(scansAtStop);
  });
});
