import { Readable } from 'node:stream';
import { planFileResponse } from '../http-range.js';
import { streamFile, type OpenFile } from '../served-file.js';
import { securityHeaders } from '../security-headers.js';

/** A protocol-handler answer for an open file, with Range honoured; the file is closed in every case. */
export function fileResponse(request: Request, file: OpenFile, mime: string, extraHeaders: Record<string, string>): Response {
  const plan = planFileResponse(file.size, mime, request.headers.get('range'));
  const headers = { ...securityHeaders, ...extraHeaders, ...plan.headers };
  if (request.method === 'HEAD' || plan.range === null) {
    void file.handle.close();
    return new Response(null, { status: plan.status, headers });
  }
  const body = Readable.toWeb(streamFile(file, plan.range)) as ReadableStream<Uint8Array>;
  return new Response(body, { status: plan.status, headers });
}

export function textResponse(status: number, text: string, extraHeaders: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders, ...extraHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
