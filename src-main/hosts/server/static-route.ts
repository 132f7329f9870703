import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rendererMimeType, resolveRendererPath } from '../renderer-files.js';
import { openRegularFile } from '../served-file.js';
import { sendFile } from './file-route.js';
import { sendText } from './responses.js';

/** Serves the built renderer; `/` is its index.html. */
export async function handleStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  rendererDir: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const target = resolveRendererPath(rendererDir, pathname);
  const file = target === null ? null : await openRegularFile(target);
  if (target === null || file === null) {
    if (target === path.join(path.resolve(rendererDir), 'index.html')) {
      sendText(res, 503, 'The user interface has not been built yet: run `npm run build`, then reload.');
    } else {
      sendText(res, 404, 'Not found');
    }
    return;
  }
  await sendFile(req, res, file, rendererMimeType(target), { 'Cache-Control': 'no-cache' });
}
