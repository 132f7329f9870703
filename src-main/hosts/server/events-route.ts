import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../../core/station-api.js';

/**
 * `GET /api/events`: every station event as one Server-Sent Event. The comment heartbeat keeps
 * idle connections from being dropped and lets a dead client be noticed.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  station: Station,
  heartbeatMs: number,
  openStreams: Set<ServerResponse>,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // An early comment flushes the headers so EventSource reports the stream open at once.
  res.write(': connected\n\n');
  openStreams.add(res);

  const unsubscribe = station.onEvent((event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);

  const stop = (): void => {
    clearInterval(heartbeat);
    unsubscribe();
    openStreams.delete(res);
  };
  req.once('close', stop);
  res.once('close', stop);
}
