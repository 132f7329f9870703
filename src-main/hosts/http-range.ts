/** Inclusive byte positions, as HTTP counts them. */
export interface ByteRange {
  start: number;
  end: number;
}

export type RangeRequest =
  | { kind: 'whole' }
  | { kind: 'part'; range: ByteRange }
  | { kind: 'unsatisfiable' };

const singleRange = /^bytes=(\d*)-(\d*)$/;

/**
 * Reads a Range header (RFC 9110 §14) against a file of `size` bytes.
 * Only one range is honoured: players ask for one, and a server may answer a multi-range
 * or malformed header with the whole file.
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const match = singleRange.exec(header.trim());
  if (!match) return { kind: 'whole' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'whole' };

  if (first === '') {
    // Suffix form: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', range: { start: Math.max(0, size - length), end: size - 1 } };
  }

  const start = Number(first);
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return { kind: 'whole' };
  return { kind: 'part', range: { start, end } };
}

/** How a host answers a request for a file: status, headers and which bytes to send. */
export interface FileResponsePlan {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** Null when there are no bytes to send (416, or an empty file). */
  range: ByteRange | null;
}

/** Shared by the browser host and the Electron media protocol so both answer players alike. */
export function planFileResponse(size: number, mime: string, rangeHeader: string | null | undefined): FileResponsePlan {
  const request = parseRange(rangeHeader, size);
  const common = { 'Accept-Ranges': 'bytes', 'Content-Type': mime };
  switch (request.kind) {
    case 'unsatisfiable':
      return {
        status: 416,
        headers: { 'Accept-Ranges': 'bytes', 'Content-Range': `bytes */${size}` },
        range: null,
      };
    case 'part': {
      const { start, end } = request.range;
      return {
        status: 206,
        headers: { ...common, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${size}` },
        range: request.range,
      };
    }
    case 'whole':
      return {
        status: 200,
        headers: { ...common, 'Content-Length': String(size) },
        range: size === 0 ? null : { start: 0, end: size - 1 },
      };
  }
}
