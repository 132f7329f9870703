import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { MountEvents } from '../../src-main/core/volumes/mount-events.js';
import { MountTableAdapter } from '../../src-main/core/volumes/mount-table-adapter.js';
import type { Volume, VolumeSink } from '../../src-main/core/volumes/volume.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';

const missing = requireRootFeatures();

// The adapter's own poll is set to a minute, longer than any wait below (20 s at most): a volume
// reported here can only have been found through a trigger. The media-folder watch is given no
// roots and the volumes are mounted in the system temp folder, so that trigger is findmnt's.
const SLOW_POLL_MS = 60_000;
const WAIT_MS = 20_000;
// After any trigger the poller scans every 50 ms for 3 s; waiting that out before the next step
// leaves the step to be found by a new trigger, not by the burst of the last one.
const AFTER_BURST_MS = 3500;

interface Recorder extends VolumeSink {
  attached: Volume[];
  detached: Volume[];
  errors: Error[];
}

function recorder(): Recorder {
  const attached: Volume[] = [];
  const detached: Volume[] = [];
  const errors: Error[] = [];
  return {
    attached,
    detached,
    errors,
    attach: (volume) => attached.push(volume),
    detach: (volume) => detached.push(volume),
    error: (error) => errors.push(error),
  };
}

/** The findmnt processes this test process started (setpriv execs it, so its parent is us). */
function ourFindmnts(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid …; comm may hold spaces, so split after its closing parenthesis.
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (comm === 'findmnt' && state !== 'Z' && Number(ppid) === process.pid) pids.push(Number(entry));
  }
  return pids;
}

const waitFor = <T>(what: () => T | undefined, timeout = WAIT_MS) => expect.poll(what, { timeout, interval: 20 });

describe.skipIf(missing !== null)('mount events: a mount anywhere is seen without waiting for the poll (root: loop devices, FUSE)', () => {
  const volumes: ExfatVolume[] = [];
  let adapter: MountTableAdapter | null = null;

  afterEach(async () => {
    await adapter?.stop();
    adapter = null;
    for (const volume of volumes.splice(0)) await volume.destroy();
  });

  async function startAdapter(sink: Recorder): Promise<MountTableAdapter> {
    adapter = new MountTableAdapter({ anyVolume: true, excludePath: null, pollMs: SLOW_POLL_MS, mediaRoots: [] });
    await adapter.start(sink);
    return adapter;
  }

  async function plugIn(label: string): Promise<ExfatVolume> {
    const volume = await createExfatVolume({ sizeMiB: 16, label });
    volumes.push(volume);
    return volume;
  }

  it('reports a volume mounted outside /media, and reports it gone once unmounted; findmnt ends with the adapter', async () => {
    const sink = recorder();
    const started = await startAdapter(sink);
    await sleep(AFTER_BURST_MS);
    const volume = await plugIn('EVT 01');
    await waitFor(() => sink.attached.find((v) => v.mountpoint === volume.mountpoint)?.label).toBe('EVT 01');

    await sleep(AFTER_BURST_MS);
    await volume.destroy();
    await waitFor(() => sink.detached.find((v) => v.mountpoint === volume.mountpoint)?.mountpoint).toBe(volume.mountpoint);

    expect(ourFindmnts()).toHaveLength(1);
    await started.stop();
    expect(ourFindmnts()).toEqual([]);
    expect(sink.errors).toEqual([]);
  });

  // findmnt cannot see a replug into the same folder between two of its reads (see MountEvents); the
  // poll finds that one by its new mount id (mount-table-race.test.ts). Here each step waits for the
  // last to be reported, as with a card that is pulled, cleared away and plugged back.
  it('reports a card pulled and plugged back into the same folder as gone and then back, as a new volume', async () => {
    const sink = recorder();
    await startAdapter(sink);
    await sleep(AFTER_BURST_MS);
    const volume = await plugIn('EVT 03');
    await waitFor(() => sink.attached.filter((v) => v.mountpoint === volume.mountpoint).length).toBe(1);
    await sleep(AFTER_BURST_MS);
    await volume.pullCable();
    await volume.unmount();
    await waitFor(() => sink.detached.map((v) => v.mountpoint)).toEqual([volume.mountpoint]);
    await volume.remount();
    await waitFor(() => sink.attached.filter((v) => v.mountpoint === volume.mountpoint).length).toBe(2);
    expect(sink.detached).toHaveLength(1);
    expect(sink.errors).toEqual([]);
  });

  it('starts findmnt again when it exits, and the restarted one reports the next mount', async () => {
    const sink = recorder();
    await startAdapter(sink);
    // Until setpriv has exec'd findmnt, the child is still called setpriv.
    await waitFor(() => ourFindmnts()[0]).toBeDefined();
    const first = ourFindmnts()[0]!;
    process.kill(first, 'SIGKILL');
    await waitFor(() => ourFindmnts().find((pid) => pid !== first)).toBeDefined();
    // The restart itself looks at the table once (a mount may have come while none ran): wait that out.
    await sleep(AFTER_BURST_MS);
    const volume = await plugIn('EVT 02');
    await waitFor(() => sink.attached.find((v) => v.mountpoint === volume.mountpoint)?.label).toBe('EVT 02');
    expect(ourFindmnts()).toHaveLength(1);
    expect(sink.errors).toEqual([]);
  });
});

describe('mount events without findmnt', () => {
  it('reports once that findmnt cannot start and does not try again', async () => {
    let changes = 0;
    const unavailable: Error[] = [];
    const events = new MountEvents(
      () => changes++,
      (error) => unavailable.push(error),
      { command: '/nonexistent/findmnt', restartDelayMs: 10 },
    );
    events.start();
    await expect.poll(() => unavailable.length).toBe(1);
    // Ten restart delays: a restart, had there been one, would have reported a second time.
    await sleep(100);
    await events.stop();
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0]?.message).toMatch(/^findmnt could not start/);
    expect(changes).toBe(0);
  });
});
