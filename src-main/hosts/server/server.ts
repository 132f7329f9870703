import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Caller } from '../../contract/index.js';
import type { Station } from '../../core/station-api.js';
import { contentSecurityPolicy, securityHeaders } from '../security-headers.js';
import { hasToken, isFromOwnPage, isOwnHost, newToken } from './auth.js';
import { dispatchWithSession } from '../held-session.js';
import { handleCommand } from './command-route.js';
import { openEventStream } from './events-route.js';
import { handleMedia } from './media-route.js';
import { handleReceipt } from './receipt-route.js';
import { sendText } from './responses.js';
import { sessionCookie } from './session-cookie.js';
import { handleSign, resourceCommand } from './sign-route.js';
import { createUrlSigner, defaultSignerTimes, type SignerTimes } from './signed-urls.js';
import { handleStatic } from './static-route.js';

export interface ServerOptions {
  /** 0 picks any free port. */
  port?: number;
  /** The built renderer (vite's output). */
  rendererDir: string;
  /** Who the commands run as while the station runs open (no admin account): the person who started the server. */
  openAs: Caller;
  /** Comment heartbeat on the event stream; 15 s unless a test needs it sooner. */
  heartbeatMs?: number;
  /** The clock and windows of signed resource URLs; tests move the clock. */
  signedUrls?: SignerTimes;
}

export interface RunningServer {
  /**
   * Opening this URL in a browser signs that tab in: the token is in the fragment, which the
   * browser never sends; the page moves it into its sessionStorage and sends it in a header.
   */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const commandPrefix = '/api/command/';
const signPrefix = '/api/sign';
const mediaPrefix = '/media/';
const receiptPrefix = '/receipt/';

/**
 * Who may load a path: anyone (the renderer's files hold nothing secret, and the page has no token
 * until its script runs), the token or a signed URL (what the browser loads by URL alone), or
 * the token only.
 */
function accessFor(path: string): 'public' | 'signed' | 'token' {
  if (path === '/api/events' || path.startsWith(mediaPrefix) || path.startsWith(receiptPrefix)) return 'signed';
  return path.startsWith('/api/') ? 'token' : 'public';
}

/** Browser mode: the station's commands, events, media and renderer on 127.0.0.1, behind a per-start token. */
export async function startServer(station: Station, options: ServerOptions): Promise<RunningServer> {
  const token = newToken();
  const signer = createUrlSigner(options.signedUrls ?? defaultSignerTimes);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const eventStreams = new Set<ServerResponse>();
  const everyResponse = {
    ...securityHeaders,
    'Content-Security-Policy': contentSecurityPolicy(),
    // No page on another port may embed the station's media or answers (a <video> there would play
    // evidence through a URL signed for this page). Only here: Electron's media:// is another origin than its page.
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
    const path = url.pathname;
    const access = accessFor(path);
    if (access !== 'public' && !hasToken(req, token) && !(access === 'signed' && signer.accepts(url))) {
      sendText(res, 401, 'Unauthorised: open the address the station printed when it started.');
      return;
    }
    // The token alone, no signature: the same question signing asks first (who may have it, and the audit row of a playback or a receipt).
    const ask = access === 'signed' && !signer.accepts(url) ? resourceCommand(path) : null;
    if (ask !== null) {
      const allowed = await dispatchWithSession(station, ...ask, sessionCookie(req, res, port), options.openAs);
      if (!allowed.ok) {
        sendText(res, allowed.error.code === 'not-found' ? 404 : 403, allowed.error.message);
        return;
      }
    }
    if (path.startsWith(commandPrefix) || path.startsWith(`${signPrefix}/`)) {
      if (!isFromOwnPage(req, port)) {
        sendText(res, 403, "Refused: this request came from another site, not the station's own page.");
        return;
      }
      const held = sessionCookie(req, res, port);
      const dispatch = (name: string, input: unknown) => dispatchWithSession(station, name, input, held, options.openAs);
      if (path.startsWith(commandPrefix)) {
        const name = path.slice(commandPrefix.length);
        await handleCommand(req, res, (input) => dispatch(name, input));
      } else {
        await handleSign(req, res, path.slice(signPrefix.length), signer, dispatch);
      }
    } else if (path === '/api/events') {
      if (req.method !== 'GET') sendText(res, 405, 'Method not allowed', { Allow: 'GET' });
      else openEventStream(req, res, station, heartbeatMs, eventStreams);
    } else if (path.startsWith(mediaPrefix)) {
      await handleMedia(req, res, path.slice(mediaPrefix.length), station);
    } else if (path.startsWith(receiptPrefix)) {
      await handleReceipt(req, res, path.slice(receiptPrefix.length), station);
    } else if (access === 'public') {
      await handleStatic(req, res, path, options.rendererDir);
    } else {
      sendText(res, 404, 'Not found');
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
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    close: () => (closing ??= close()),
  };
}
