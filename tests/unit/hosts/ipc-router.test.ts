import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandNames } from '../../../src-main/contract/index.js';
import { heldInMemory } from '../../../src-main/hosts/held-session.js';
import { channels, forwardStationEvents, registerStationIpc } from '../../../src-main/hosts/electron/ipc-router.js';
import { smallStation, type SmallStation } from '../../integration/server/small-station.js';
import { InMemoryIpc } from './in-memory-ipc.js';

const ourPage = 'app://station/index.html';

describe('Electron IPC router', () => {
  let ipc: InMemoryIpc;
  let station: SmallStation;
  let unregister: () => void;

  beforeEach(() => {
    ipc = new InMemoryIpc();
    station = smallStation('/data/station');
    unregister = registerStationIpc(ipc, station, { name: '值班员', role: 'clerk' }, heldInMemory());
  });
  afterEach(() => unregister());

  it('runs a command from our window as the desk caller', async () => {
    const result = await ipc.renderer(ourPage).invoke(channels.command, 'station.info', {});
    expect(result).toMatchObject({ ok: true, value: { stationName: 'test desk', dataDir: '/data/station' } });
    expect(station.callers).toEqual([{ name: '值班员', role: 'clerk' }]);
  });

  it('passes core errors back as values', async () => {
    const renderer = ipc.renderer('app://station/recordings/7');
    expect(await renderer.invoke(channels.command, 'recordings.get', { id: 7 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await renderer.invoke(channels.command, 'recordings.get', { id: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await renderer.invoke(channels.command, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await renderer.invoke(channels.command, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
  });

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a local file', 'file:///tmp/page.html'],
    ['another app host', 'app://evil/index.html'],
    ['a look-alike host', 'app://station.evil/index.html'],
    ['credentials before the host', 'app://station@evil/index.html'],
    ['a blank frame', 'about:blank'],
    ['an empty URL', ''],
    ['a frame already gone', null],
  ])('refuses commands from %s without running them', async (_what, frameUrl) => {
    const result = await ipc.renderer(frameUrl).invoke(channels.command, 'station.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(station.callers).toEqual([]);
    expect(ipc.renderer(frameUrl).sendSync(channels.commandNames)).toEqual([]);
  });

  it('tells our window the command names synchronously', () => {
    expect(ipc.renderer(ourPage).sendSync(channels.commandNames)).toEqual(commandNames);
  });

  it('unregisters everything it registered', () => {
    expect(ipc.registeredChannels().sort()).toEqual([channels.command, channels.commandNames].sort());
    unregister();
    expect(ipc.registeredChannels()).toEqual([]);
    // Registering again must not collide with a leftover handler.
    unregister = registerStationIpc(ipc, station, { name: 'x', role: 'clerk' }, heldInMemory());
  });
});

describe('Electron event forwarding', () => {
  it('sends every event to every live window and stops when unsubscribed', () => {
    const ipc = new InMemoryIpc();
    const station = smallStation('/data/station');
    const open = ipc.renderer(ourPage);
    const closed = ipc.renderer(ourPage);
    closed.destroyed = true;
    const received: unknown[] = [];
    open.on(channels.event, (_ipcEvent, event) => received.push(event));
    closed.on(channels.event, () => {
      throw new Error('a destroyed window was sent an event');
    });

    const stop = forwardStationEvents(station, () => [open, closed]);
    station.emit({ type: 'ingest.started', ingestId: 'a', source: '/media/SD', mountpoint: null });
    stop();
    station.emit({ type: 'ingest.started', ingestId: 'b', source: '/media/SD', mountpoint: null });

    expect(received).toEqual([{ type: 'ingest.started', ingestId: 'a', source: '/media/SD', mountpoint: null }]);
    expect(station.listeners()).toBe(0);
  });
});
