import type { Result, StationApi, StationEvent } from './types.js';
import { internalError } from './types.js';

function isResult(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** How long to wait before asking for a new event stream after the last one was refused or lost. */
const reopenDelayMs = 2000;

/**
 * Browser mode. The page holds the start token (see sign-in.ts) and sends it in a header on every
 * request it makes. Once the station has accounts, the person signed in is held in a session
 * cookie the station sets on sign-in: HttpOnly (this script never sees it), SameSite=Strict, named
 * for this port, and useless without the token. Same-origin fetches carry it by default
 * (`credentials: 'same-origin'`), so nothing here handles it. What the browser
 * loads by URL alone — the player's `src`, the receipt tab, the event stream — gets a URL the
 * station signs for that one resource, for a short while.
 */
export function createHttpApi(token: string | null, onSignedOut: () => void): StationApi {
  const listeners = new Set<(event: StationEvent) => void>();
  const connectedListeners = new Set<() => void>();
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | null = null;
  const authorisation: Record<string, string> = token === null ? {} : { 'X-Station-Token': token };

  async function signedUrl(path: string): Promise<string> {
    const response = await fetch(`/api/sign${path}`, { method: 'POST', headers: authorisation });
    if (response.status === 401) onSignedOut();
    const body: unknown = await response.json().catch(() => null);
    if (isResult(body) && body.ok) return (body.value as { url: string }).url;
    throw new Error(`the station would not sign ${path} (HTTP ${response.status})`);
  }

  function reopenLater(): void {
    reopenTimer ??= setTimeout(() => {
      reopenTimer = null;
      if (listeners.size > 0 && !source) void openStream();
    }, reopenDelayMs);
  }

  // One stream for the whole page, opened with the first listener, closed with the last.
  async function openStream(): Promise<void> {
    let url: string;
    try {
      url = await signedUrl('/api/events');
    } catch {
      reopenLater();
      return;
    }
    if (listeners.size === 0 || source) return;
    const opened = new EventSource(url);
    source = opened;
    // Also after EventSource reconnects by itself: events sent while the stream was down are lost.
    opened.onopen = () => {
      for (const connected of connectedListeners) connected();
    };
    opened.onmessage = (message: MessageEvent<string>) => {
      let event: StationEvent;
      try {
        event = JSON.parse(message.data) as StationEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
    // EventSource retries a dropped stream with the same URL; once its signature has lapsed the
    // station refuses it and EventSource gives up (CLOSED): ask for a fresh one.
    opened.onerror = () => {
      if (opened.readyState !== EventSource.CLOSED || source !== opened) return;
      source = null;
      reopenLater();
    };
  }

  return {
    async call(name, input) {
      try {
        const response = await fetch(`/api/command/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { ...authorisation, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        if (response.status === 401) onSignedOut();
        const body: unknown = await response.json().catch(() => null);
        // The body is trusted as the contract's output: the router has already shaped it.
        if (isResult(body)) return body as Result<never>;
        return internalError(`HTTP ${response.status} ${response.statusText}`);
      } catch (cause) {
        return internalError(cause);
      }
    },
    onEvent(listener, onConnected) {
      listeners.add(listener);
      // Not called now if the stream is open already: a page subscribes as it mounts, in the same
      // task as it asks for what it shows, so no event can fall between the two.
      if (onConnected) connectedListeners.add(onConnected);
      if (!source) void openStream();
      return () => {
        listeners.delete(listener);
        if (onConnected) connectedListeners.delete(onConnected);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    mediaUrl: (recordingId, part) => signedUrl(`/media/${recordingId}${part === 'thumbnail' ? '/thumbnail' : ''}`),
    receiptUrl: (ingestId) => signedUrl(`/receipt/${encodeURIComponent(ingestId)}`),
  };
}
