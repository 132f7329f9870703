import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The header the page sends its start token in (the start URL carries it in the fragment). */
const tokenHeaderName = 'x-station-token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Hashing both sides first gives equal lengths, so the comparison leaks neither content nor length. */
function sameToken(presented: string, token: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * Whether the request carries the start token in its header. The page keeps the token in
 * sessionStorage and sends it itself; nothing the browser sends on its own (a cookie) would do,
 * because a browser sends cookies of 127.0.0.1 to every port, where anything listening on loopback
 * would receive them. The sign-in session does travel in a cookie (session-cookie.ts), so that no
 * script in the page can read it; that cookie is never enough alone: this check still runs.
 */
export function hasToken(req: IncomingMessage, token: string): boolean {
  const header = req.headers[tokenHeaderName];
  return typeof header === 'string' && sameToken(header, token);
}

/**
 * Whether a request may change something: a page on another port of 127.0.0.1 can still send one
 * (a form, a no-cors fetch). It lacks the token, and besides, the browser says where a request
 * came from (Origin, Sec-Fetch-Site): a request it says came from anywhere but this station's own
 * page is refused. Clients that are not browsers send neither header.
 */
export function isFromOwnPage(req: IncomingMessage, port: number): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Guards against DNS rebinding: a page on another name that resolves to 127.0.0.1 is refused. */
export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
