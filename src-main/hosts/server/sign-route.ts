import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail } from '../../contract/index.js';
import { sendResult } from './responses.js';
import type { UrlSigner } from './signed-urls.js';

/** What may be loaded by a signed URL: each path names one resource, in the form the router sees it. */
const signable = [/^\/media\/\d{1,15}(\/thumbnail)?$/, /^\/receipt\/[\w-]{1,64}$/, /^\/api\/events$/];

/**
 * `POST /api/sign/<path>`: a short-lived URL for one resource the browser must load without the
 * token header (a player's `src`, a PDF tab, the event stream). The caller has shown the token.
 */
export function handleSign(req: IncomingMessage, res: ServerResponse, path: string, signer: UrlSigner): void {
  if (req.method !== 'POST') {
    sendResult(res, 405, fail('invalid-input', 'URLs are signed on POST.'), { Allow: 'POST' });
    return;
  }
  if (!signable.some((pattern) => pattern.test(path))) {
    sendResult(res, 404, fail('not-found', `Nothing to sign at ${path}.`));
    return;
  }
  sendResult(res, 200, { ok: true, value: { url: signer.sign(path) } });
}
