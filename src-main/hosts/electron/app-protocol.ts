import path from 'node:path';
import { rendererMimeType, resolveRendererPath } from '../renderer-files.js';
import { contentSecurityPolicy } from '../security-headers.js';
import { openRegularFile } from '../served-file.js';
import { appHost, mediaScheme } from './app-origin.js';
import { fileResponse, textResponse } from './file-response.js';

/** The content policy travels with every page, since there is no server to add it. */
const pageHeaders = {
  'Content-Security-Policy': contentSecurityPolicy([`${mediaScheme}:`]),
  'Cache-Control': 'no-cache',
};

/** `app://station/<path>` → the built renderer's files. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const indexPath = path.join(path.resolve(rendererDir), 'index.html');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== appHost) return textResponse(404, 'Not found');
    const target = resolveRendererPath(rendererDir, url.pathname);
    const file = target === null ? null : await openRegularFile(target);
    if (target === null || file === null) {
      return target === indexPath
        ? textResponse(503, 'The user interface has not been built yet: run `npm run build`.')
        : textResponse(404, 'Not found');
    }
    return fileResponse(request, file, rendererMimeType(target), pageHeaders);
  };
}
