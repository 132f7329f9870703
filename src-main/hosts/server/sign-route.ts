import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type Result } from '../../contract/index.js';
import { sendResult } from './responses.js';
import type { UrlSigner } from './signed-urls.js';

/**
 * What may be loaded by a signed URL, and the command that first asks the core whether the
 * signed-in person may have it (and records a playback in the audit chain): each path names one
 * resource, in the form the router sees it.
 */
const signable: readonly { pattern: RegExp; ask: (match: RegExpExecArray) => [string, unknown] }[] = [
  { pattern: /^\/media\/(\d{1,15})$/, ask: (match) => ['recordings.play', { id: Number(match[1]) }] },
  // A frame shows what the recording shows: asked as its own question (confidentiality), not recorded as a playback.
  { pattern: /^\/media\/(\d{1,15})\/thumbnail$/, ask: (match) => ['recordings.thumbnail', { id: Number(match[1]) }] },
  { pattern: /^\/receipt\/([\w-]{1,64})$/, ask: (match) => ['ingest.receipt', { ingestId: match[1] }] },
  { pattern: /^\/api\/events$/, ask: () => ['station.info', {}] },
];

/** The command that asks whether the page's person may load `path` (and records a playback or an export); null for a path not signable. */
export function resourceCommand(path: string): [string, unknown] | null {
  for (const { pattern, ask } of signable) {
    const match = pattern.exec(path);
    if (match) return ask(match);
  }
  return null;
}

/**
 * `POST /api/sign/<path>`: a short-lived URL for one resource the browser must load without the
 * token header (a player's `src`, a PDF tab, the event stream). The caller has shown the token;
 * `dispatch` runs the resource's command as the page's signed-in person first.
 */
export async function handleSign(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  signer: UrlSigner,
  dispatch: (name: string, input: unknown) => Promise<Result<unknown>>,
): Promise<void> {
  if (req.method !== 'POST') {
    sendResult(res, 405, fail('invalid-input', 'URLs are signed on POST.'), { Allow: 'POST' });
    return;
  }
  const ask = resourceCommand(path);
  if (ask === null) {
    sendResult(res, 404, fail('not-found', `Nothing to sign at ${path}.`));
    return;
  }
  const allowed = await dispatch(...ask);
  if (!allowed.ok) {
    sendResult(res, 200, allowed);
    return;
  }
  sendResult(res, 200, { ok: true, value: { url: signer.sign(path) } });
}
