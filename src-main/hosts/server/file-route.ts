import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { planFileResponse } from '../http-range.js';
import { streamFile, type OpenFile } from '../served-file.js';

/** Answers GET and HEAD for an open file, honouring Range; the file is closed in every case. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: OpenFile,
  mime: string,
  extraHeaders: Record<string, string>,
): Promise<void> {
  const plan = planFileResponse(file.size, mime, req.headers.range);
  res.writeHead(plan.status, { ...extraHeaders, ...plan.headers });
  if (req.method === 'HEAD' || plan.status === 416) {
    await file.handle.close();
    res.end();
    return;
  }
  try {
    await pipeline(streamFile(file, plan.range), res);
  } catch {
    // The player went away mid-stream (seeking does this constantly): nothing to answer.
  }
}
