import type { Result, StationApi, StationEvent } from './types.js';
import { internalError } from './types.js';

function isResult(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/**
 * Browser mode: the page was opened with `?token=…`, the server answered with a cookie, so
 * same-origin requests, the event stream and <video src> all carry it without our help.
 */
export function createHttpApi(): StationApi {
  const listeners = new Set<(event: StationEvent) => void>();
  let source: EventSource | null = null;

  // One stream for the whole page, opened with the first listener, closed with the last.
  function openStream(): void {
    source = new EventSource('/api/events');
    source.onmessage = (message: MessageEvent<string>) => {
      let event: StationEvent;
      try {
        event = JSON.parse(message.data) as StationEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  }

  return {
    async call(name, input) {
      try {
        const response = await fetch(`/api/command/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        const body: unknown = await response.json().catch(() => null);
        // The body is trusted as the contract's output: the router has already shaped it.
        if (isResult(body)) return body as Result<never>;
        return internalError(`HTTP ${response.status} ${response.statusText}`);
      } catch (cause) {
        return internalError(cause);
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!source) openStream();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && source) {
          source.close();
          source = null;
        }
      };
    },
    mediaUrl: (recordingId, part) => `/media/${recordingId}${part === 'thumbnail' ? '/thumbnail' : ''}`,
    receiptUrl: (ingestId) => `/receipt/${encodeURIComponent(ingestId)}`,
  };
}
