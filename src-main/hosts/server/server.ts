import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '../../contract/index.js';
import type { Station } from '../../core/station-api.js';
import { contentSecurityPolicy, securityHeaders } from '../security-headers.js';
import { isFromOwnPage, isOwnHost, newToken, tokenCookie, tokenSource } from './auth.js';
import { handleCommand } from './command-route.js';
import { openEventStream } from './events-route.js';
import { handleMedia } from './media-route.js';
import { handleReceipt } from './receipt-route.js';
import { sendText } from './responses.js';
import { handleStatic } from './static-route.js';

export interface ServerOptions {
  /** 0 picks any free port. */
  port?: number;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** Who the commands run as: the person who started the server. */
  caller: Caller;
  /** Comment heartbeat on the event stream; 15 s unless a test needs it sooner. */
  heartbeatMs?: number;
}

export interface RunningServer {
  /** Opening this URL in a browser signs it in (the token moves into a cookie). */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const commandPrefix = '/api/command/';
const mediaPrefix = '/media/';
const receiptPrefix = '/receipt/';

/** Browser mode: the station's commands, events, media and renderer on 127.0.0.1, behind a per-start token. */
export async function startServer(station: Station, options: ServerOptions): Promise<RunningServer> {
  const token = newToken();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const eventStreams = new Set<ServerResponse>();
  const everyResponse = {
    ...securityHeaders,
    'Content-Security-Policy': contentSecurityPolicy(),
    // No page on another port may embed the station's media or answers (a <video> there would play
    // evidence with the officer's cookie). Only here: Electron's media:// is another origin than its page.
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  let port = 0;

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(everyResponse)) res.setHeader(name, value);

    if (!isOwnHost(req.headers.host, port)) {
      sendText(res, 421, 'This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const source = tokenSource(req, url, token);
    if (source === null) {
      sendText(res, 401, 'Unauthorised: open the address the station printed when it started.');
      return;
    }
    const path = url.pathname;
    if (path.startsWith(commandPrefix)) {
      if (!isFromOwnPage(req, port)) {
        sendText(res, 403, "Refused: this request came from another site, not the station's own page.");
        return;
      }
      await handleCommand(req, res, path.slice(commandPrefix.length), station, options.caller);
    } else if (path === '/api/events') {
      if (req.method !== 'GET') sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
      else openEventStream(req, res, station, heartbeatMs, eventStreams);
    } else if (path.startsWith(mediaPrefix)) {
      await handleMedia(req, res, path.slice(mediaPrefix.length), station);
    } else if (path.startsWith(receiptPrefix)) {
      await handleReceipt(req, res, path.slice(receiptPrefix.length), station);
    } else {
      // The page's own requests carry no token: hand it over as a cookie the page cannot read.
      if (source === 'query' && (path === '/' || path === '/index.html')) res.setHeader('Set-Cookie', tokenCookie(token));
      await handleStatic(req, res, path, options.rendererDir);
    }
  };

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      for (const stream of eventStreams) stream.end();
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets would otherwise hold the close open until they time out.
      server.closeAllConnections();
    });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => (closing ??= close()),
  };
}
