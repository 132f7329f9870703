import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type Result } from '../../contract/index.js';
import { sendResult } from './responses.js';

const bodyLimit = 1024 * 1024;

class BodyTooLarge extends Error {}

const isJson = (contentType: string | undefined): boolean => contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > bodyLimit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > bodyLimit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `POST /api/command/<name>`: the body is the command's input. Command failures are values
 * answered with 200; only a request that cannot be read gets a 4xx.
 */
export async function handleCommand(
  req: IncomingMessage,
  res: ServerResponse,
  dispatch: (input: unknown) => Promise<Result<unknown>>,
): Promise<void> {
  if (req.method !== 'POST') {
    sendResult(res, 405, fail('invalid-input', 'Commands are sent with POST.'), { Allow: 'POST' });
    return;
  }
  // A form or a no-cors fetch from another page can send only text/plain, form data or multipart:
  // requiring JSON keeps every one of those out, whatever else a browser lets through.
  if (!isJson(req.headers['content-type'])) {
    sendResult(res, 415, fail('invalid-input', 'Commands are sent as application/json.'));
    return;
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    // Closing the connection stops the client from sending the rest of an oversized body.
    sendResult(res, 413, fail('invalid-input', 'The request body is larger than 1 MiB.'), { Connection: 'close' });
    return;
  }
  let input: unknown;
  try {
    // Commands without input may be sent with an empty body.
    input = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    sendResult(res, 400, fail('invalid-input', 'The request body is not valid JSON.'));
    return;
  }
  let result;
  try {
    result = await dispatch(input);
  } catch (error) {
    result = fail('internal', error instanceof Error ? error.message : String(error));
  }
  sendResult(res, 200, result);
}
