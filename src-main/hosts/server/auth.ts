import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'station_token';
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

function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) values.push(part.slice(at + 1).trim());
  }
  return values;
}

export type TokenSource = 'query' | 'header' | 'cookie';

/** Where the request carried the right token, or null when it did not. */
export function tokenSource(req: IncomingMessage, url: URL, token: string): TokenSource | null {
  const query = url.searchParams.get('token');
  if (query !== null && sameToken(query, token)) return 'query';
  const header = req.headers[tokenHeaderName];
  if (typeof header === 'string' && sameToken(header, token)) return 'header';
  // Other stations on other ports share the cookie jar of 127.0.0.1, so several may arrive.
  if (cookieValues(req.headers.cookie, tokenCookieName).some((value) => sameToken(value, token))) return 'cookie';
  return null;
}

export function tokenCookie(token: string): string {
  return `${tokenCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Guards against DNS rebinding: a page on another name that resolves to 127.0.0.1 is refused. */
/**
 * Whether a request may change something: browsers treat every port of 127.0.0.1 as one site, so
 * SameSite cookies still go along with a request that a page on another port makes. The browser
 * says where a request came from (Origin, Sec-Fetch-Site); a request it says came from anywhere
 * but this station's own page is refused. Clients that are not browsers send neither header.
 */
export function isFromOwnPage(req: IncomingMessage, port: number): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
