import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeldSession } from '../held-session.js';

/** Matches the core's own limit: a session ends 12 hours after sign-in. */
const maxAgeSeconds = 12 * 60 * 60;

/**
 * Browser mode's sign-in session, in a cookie the page's script cannot read (HttpOnly), that no
 * other site's request carries (SameSite=Strict), and that ends on its own (Max-Age). A browser
 * sends a cookie of 127.0.0.1 to every port there, so the name carries this server's port (two
 * stations side by side keep their own), and the cookie alone opens nothing: every command still
 * needs the start token in its header, which only this station's page holds.
 */
export function sessionCookie(req: IncomingMessage, res: ServerResponse, port: number): HeldSession {
  const name = `station-session-${port}`;
  let session = readCookie(req.headers.cookie, name);
  return {
    get: () => session,
    set(next) {
      session = next;
      const value = next === null ? `${name}=; Max-Age=0` : `${name}=${next}; Max-Age=${maxAgeSeconds}`;
      res.appendHeader('Set-Cookie', `${value}; Path=/; HttpOnly; SameSite=Strict`);
    },
  };
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}
