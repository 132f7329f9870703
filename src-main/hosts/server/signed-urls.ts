import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * What the browser loads by URL alone — `<video src>`, a PDF in a new tab, EventSource — can carry
 * no header, and a cookie would go to every port of 127.0.0.1. So the page asks for a URL signed
 * for that one resource (HMAC of path and expiry under a key made at start), good for a short
 * while. A player keeps requesting ranges of the same URL as the officer seeks, so a signature
 * once used stays good while it keeps being used.
 */
export interface UrlSigner {
  /** `path` with `expires` and `signature` added. */
  sign(path: string): string;
  /** Whether the URL carries a valid, unexpired signature for its own path. */
  accepts(url: URL): boolean;
}

export interface SignerTimes {
  now: () => number;
  /** How long a signed URL may wait for its first use. */
  startWindowMs: number;
  /** How long a signature already used stays good after its last use. */
  idleWindowMs: number;
}

export const defaultSignerTimes: SignerTimes = { now: Date.now, startWindowMs: 60_000, idleWindowMs: 15 * 60_000 };

export function createUrlSigner({ now, startWindowMs, idleWindowMs }: SignerTimes): UrlSigner {
  const key = randomBytes(32);
  const lastUse = new Map<string, number>();
  const mac = (path: string, expires: string): Buffer => createHmac('sha256', key).update(`${expires}\n${path}`).digest();

  const forget = (at: number): void => {
    for (const [signature, used] of lastUse) if (at - used > idleWindowMs) lastUse.delete(signature);
  };

  return {
    sign(path) {
      const expires = String(now() + startWindowMs);
      const signature = mac(path, expires).toString('base64url');
      return `${path}?${new URLSearchParams({ expires, signature }).toString()}`;
    },
    accepts(url) {
      const expires = url.searchParams.get('expires');
      const signature = url.searchParams.get('signature');
      if (expires === null || signature === null || !/^\d{1,15}$/.test(expires)) return false;
      const presented = Buffer.from(signature, 'base64url');
      const expected = mac(url.pathname, expires);
      if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return false;
      const at = now();
      forget(at);
      if (at > Number(expires) && !lastUse.has(signature)) return false;
      lastUse.set(signature, at);
      return true;
    },
  };
}
