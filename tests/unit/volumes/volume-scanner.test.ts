import { describe, expect, it } from 'vitest';
import type { Volume, VolumeAdapter, VolumeSink } from '../../../src-main/core/volumes/volume.js';
import { VolumeScanner } from '../../../src-main/core/volumes/volume-scanner.js';

/** An adapter driven by hand: the scanner's merging and silence after stop are under test, not a platform. */
class HandAdapter implements VolumeAdapter {
  sink: VolumeSink | null = null;
  stopped = false;
  constructor(
    readonly name: string,
    private readonly initial: Volume[] = [],
    private readonly failure: Error | null = null,
  ) {}
  async start(sink: VolumeSink) {
    if (this.failure) throw this.failure;
    this.sink = sink;
    for (const volume of this.initial) sink.attach(volume);
  }
  async stop() {
    this.stopped = true;
  }
}

const card = (mountpoint: string, label: string | null = null): Volume => ({
  mountpoint,
  device: '/dev/sdb1',
  label,
  uuid: null,
  fsType: 'exfat',
  removable: true,
  sizeBytes: 1,
  freeBytes: 1,
});

function recorded(scanner: VolumeScanner) {
  const events: string[] = [];
  scanner.on('attach', (volume) => events.push(`attach ${volume.mountpoint}`));
  scanner.on('detach', (volume) => events.push(`detach ${volume.mountpoint}`));
  scanner.on('error', (error) => events.push(`error ${error.message}`));
  return events;
}

describe('the volume scanner', () => {
  it('reports volumes present at start before start resolves', async () => {
    const scanner = new VolumeScanner([new HandAdapter('a', [card('/media/a')])]);
    const events = recorded(scanner);
    await scanner.start();
    expect(events).toEqual(['attach /media/a']);
    expect(scanner.volumes).toEqual([card('/media/a')]);
    await scanner.stop();
  });

  it('merges adapters by mount point: attached when the first sees it, detached when the last lets go', async () => {
    const a = new HandAdapter('a');
    const b = new HandAdapter('b');
    const scanner = new VolumeScanner([a, b]);
    const events = recorded(scanner);
    await scanner.start();
    a.sink!.attach(card('/media/x', 'FIRST'));
    b.sink!.attach(card('/media/x', 'SECOND'));
    a.sink!.detach(card('/media/x'));
    expect(events).toEqual(['attach /media/x']);
    b.sink!.detach(card('/media/x'));
    expect(events).toEqual(['attach /media/x', 'detach /media/x']);
    // A detach nobody attached, or a second one, is no event.
    b.sink!.detach(card('/media/x'));
    a.sink!.detach(card('/media/y'));
    expect(events).toHaveLength(2);
    await scanner.stop();
  });

  it('emits nothing after stop, even if an adapter still reports', async () => {
    const a = new HandAdapter('a', [card('/media/a')]);
    const scanner = new VolumeScanner([a]);
    const events = recorded(scanner);
    await scanner.start();
    await scanner.stop();
    expect(a.stopped).toBe(true);
    a.sink!.attach(card('/media/b'));
    a.sink!.detach(card('/media/a'));
    a.sink!.error(new Error('late'));
    expect(events).toEqual(['attach /media/a']);
    expect(scanner.volumes).toEqual([]);
  });

  it('reports an adapter that cannot start as an error and runs with the others', async () => {
    const scanner = new VolumeScanner([new HandAdapter('broken', [], new Error('no lsblk')), new HandAdapter('ok', [card('/media/ok')])]);
    const events = recorded(scanner);
    await scanner.start();
    expect(events).toEqual(['attach /media/ok', 'error volume adapter broken failed to start']);
    await scanner.stop();
  });

  it('keeps delivering to the other listeners when one throws, and reports the throw as an error', async () => {
    const a = new HandAdapter('a');
    const scanner = new VolumeScanner([a]);
    scanner.on('attach', () => {
      throw new Error('a careless listener');
    });
    const events = recorded(scanner);
    await scanner.start();
    a.sink!.attach(card('/media/a'));
    expect(events).toEqual(['error volume attach listener failed', 'attach /media/a']);
    await scanner.stop();
  });

  it('survives an error listener that throws', async () => {
    const a = new HandAdapter('a');
    const scanner = new VolumeScanner([a]);
    scanner.on('error', () => {
      throw new Error('a careless error listener');
    });
    await scanner.start();
    const logged = console.error;
    const said: unknown[] = [];
    console.error = (...args: unknown[]) => said.push(args[0]);
    try {
      expect(() => a.sink!.error(new Error('mount table unreadable'))).not.toThrow();
    } finally {
      console.error = logged;
    }
    expect(said).toEqual(['volume error listener failed']);
    await scanner.stop();
  });

  it('starts once', async () => {
    const scanner = new VolumeScanner([]);
    await scanner.start();
    await expect(scanner.start()).rejects.toThrow(/starts once/);
    await scanner.stop();
  });
});
