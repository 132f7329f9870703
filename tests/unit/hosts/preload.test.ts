import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { commandNames, ok } from '../../../src-main/contract/index.js';
import { heldInMemory } from '../../../src-main/hosts/held-session.js';
import { channels, forwardStationEvents, registerStationIpc } from '../../../src-main/hosts/electron/ipc-router.js';
import { mediaProtocolHandler } from '../../../src-main/hosts/electron/media-protocol.js';
import { smallStation, type SmallStation } from '../../integration/server/small-station.js';
import { InMemoryIpc, type FakeRenderer } from './in-memory-ipc.js';

const preloadPath = new URL('../../../src-main/hosts/electron/preload.cts', import.meta.url);
let compiled = '';

beforeAll(async () => {
  const source = await readFile(preloadPath, 'utf8');
  compiled = ts.transpileModule(source, {
    fileName: 'preload.cts',
    compilerOptions: { module: ts.ModuleKind.NodeNext, target: ts.ScriptTarget.ES2023, verbatimModuleSyntax: true },
  }).outputText;
});

type Bridge = Record<string, unknown>;

/**
 * Runs the compiled preload the way Electron runs a sandboxed one: a function of
 * (require, process, exports, module) whose require knows only `electron`.
 */
function runPreload(renderer: FakeRenderer): { exposed: Map<string, Bridge>; required: string[] } {
  const exposed = new Map<string, Bridge>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Bridge) => exposed.set(key, api) },
    ipcRenderer: renderer,
  };
  const sandboxRequire = (name: string): unknown => {
    required.push(name);
    if (name !== 'electron') throw new Error(`module not found: ${name}`);
    return electron;
  };
  const exports = {};
  const preload = new Function('require', 'process', 'exports', 'module', compiled) as (...args: unknown[]) => void;
  preload(sandboxRequire, {}, exports, { exports });
  return { exposed, required };
}

describe('Electron preload bridge', () => {
  let ipc: InMemoryIpc;
  let station: SmallStation;
  let renderer: FakeRenderer;
  let bridge: Bridge;
  let required: string[];

  beforeAll(() => {
    ipc = new InMemoryIpc();
    station = smallStation('/data/station');
    registerStationIpc(ipc, station, { name: '值班员', role: 'clerk' }, heldInMemory());
    renderer = ipc.renderer('app://station/index.html');
    const run = runPreload(renderer);
    expect([...run.exposed.keys()]).toEqual(['station']);
    bridge = run.exposed.get('station')!;
    required = run.required;
  });

  it('needs nothing but electron, as a sandboxed preload must', () => {
    expect(required).toEqual(['electron']);
  });

  it('exposes one function per command, onEvent and mediaUrl, and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([...commandNames, 'mediaUrl', 'onEvent'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(renderer);
  });

  it('runs a command through IPC into the station and resolves with its result', async () => {
    const info = bridge['station.info'] as (input: unknown) => Promise<unknown>;
    expect(await info({})).toMatchObject({ ok: true, value: { stationName: 'test desk' } });
    const start = bridge['ingest.start'] as (input: unknown) => Promise<unknown>;
    expect(await start({ sourcePath: '/media/SD' })).toEqual({ ok: true, value: { ingestId: 'ingest-of-/media/SD' } });
    expect(await start({})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('delivers station events without the IPC event object, until unsubscribed', () => {
    const stopForwarding = forwardStationEvents(station, () => [renderer]);
    const received: unknown[][] = [];
    const onEvent = bridge['onEvent'] as (listener: (...args: unknown[]) => void) => () => void;
    const unsubscribe = onEvent((...args) => received.push(args));
    expect(renderer.listenerCount(channels.event)).toBe(1);

    station.emit({ type: 'ingest.failed', ingestId: 'a', mountpoint: null, reason: 'card removed', reasonCode: 'source-gone' });
    unsubscribe();
    station.emit({ type: 'ingest.failed', ingestId: 'b', mountpoint: null, reason: 'card removed', reasonCode: 'source-gone' });
    stopForwarding();

    expect(received).toEqual([[{ type: 'ingest.failed', ingestId: 'a', mountpoint: null, reason: 'card removed', reasonCode: 'source-gone' }]]);
    expect(renderer.listenerCount(channels.event)).toBe(0);
  });

  it('builds media URLs the media protocol answers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'station-preload-'));
    try {
      const clip = path.join(dir, 'clip.wav');
      await writeFile(clip, 'RIFF');
      const frame = path.join(dir, 'frame.jpg');
      await writeFile(frame, 'JPEG');
      const handle = mediaProtocolHandler({
        mediaFile: (id) => (id === 42 ? { path: clip, size: 4, mime: 'audio/wav' } : null),
        thumbnailFile: (id) => Promise.resolve(id === 42 ? { path: frame, size: 4, mime: 'image/jpeg' } : null),
      }, (_name, input) => Promise.resolve(ok(input)));
      const mediaUrl = bridge['mediaUrl'] as (id: number, part?: 'thumbnail') => string;
      expect(mediaUrl(42)).toBe('media://recording/42');
      const response = await handle(new Request(mediaUrl(42)));
      expect(await response.text()).toBe('RIFF');
      expect(await (await handle(new Request(mediaUrl(42, 'thumbnail')))).text()).toBe('JPEG');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exposes no commands in a window the main process does not trust', () => {
    const stranger = runPreload(ipc.renderer('https://evil.example/')).exposed.get('station')!;
    expect(Object.keys(stranger).sort()).toEqual(['mediaUrl', 'onEvent']);
  });
});
