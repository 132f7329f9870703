import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Caller } from '../../../src-main/contract/index.js';
import type { MediaFile } from '../../../src-main/core/station-api.js';
import { startServer, type RunningServer, type ServerOptions } from '../../../src-main/hosts/server/index.js';
import { smallStation, type SmallStation } from './small-station.js';

export const indexHtml = '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body>站</body></html>';
export const appJs = 'console.log("renderer");';

export interface TestServer {
  server: RunningServer;
  station: SmallStation;
  /** The temporary folder: the renderer is in `renderer/`, anything else is outside it. */
  dir: string;
  base: string;
  /** Headers that authorise a request. */
  auth: Record<string, string>;
  stop(): Promise<void>;
}

export interface TestServerSetup {
  caller?: Caller;
  media?: (dir: string) => Promise<ReadonlyMap<number, MediaFile>>;
  withoutRenderer?: boolean;
  options?: Partial<ServerOptions>;
}

/** A real server over a small station, with a built-looking renderer in a temporary folder. */
export async function startTestServer(setup: TestServerSetup = {}): Promise<TestServer> {
  const dir = await mkdtemp(path.join(tmpdir(), 'station-server-'));
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  if (!setup.withoutRenderer) {
    await writeFile(path.join(rendererDir, 'index.html'), indexHtml);
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), appJs);
  }
  const media = setup.media ? await setup.media(dir) : new Map<number, MediaFile>();
  const station = smallStation(dir, media);
  const server = await startServer(station, {
    port: 0,
    rendererDir,
    openAs: setup.caller ?? { name: 'desk officer', role: 'clerk' },
    ...setup.options,
  });
  return {
    server,
    station,
    dir,
    base: `http://127.0.0.1:${server.port}`,
    auth: { 'X-Station-Token': server.token },
    async stop() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http instead of fetch, for what fetch will not send: a forged Host, an unnormalised path. */
export function rawGet(port: number, rawPath: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
