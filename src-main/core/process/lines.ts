import { StringDecoder } from 'node:string_decoder';

// A line with no end (a tool printing binary, or a progress bar without newlines) is handed on in
// pieces of this size rather than held in memory whole.
const MAX_LINE_CHARS = 64 * 1024;

/**
 * Cuts a byte stream into text lines. `\n`, `\r\n` and a lone `\r` (ffmpeg's progress line) all end
 * a line; empty lines are skipped. UTF-8 characters split across chunks are kept whole.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    let text = this.partial + this.decoder.write(chunk);
    // A trailing `\r` may be the first half of `\r\n`: wait for the next chunk to tell.
    const heldReturn = text.endsWith('\r');
    if (heldReturn) text = text.slice(0, -1);
    const lines = text.split(/\r\n|\n|\r/);
    this.partial = (lines.pop() ?? '') + (heldReturn ? '\r' : '');
    for (const line of lines) this.emit(line);
    while (this.partial.length > MAX_LINE_CHARS) {
      this.emit(this.partial.slice(0, MAX_LINE_CHARS));
      this.partial = this.partial.slice(MAX_LINE_CHARS);
    }
  }

  /** The last line, when the stream ended without a newline. */
  end(): void {
    const rest = (this.partial + this.decoder.end()).replace(/\r$/, '');
    this.partial = '';
    this.emit(rest);
  }

  private emit(line: string): void {
    if (line !== '') this.onLine(line);
  }
}

const TAIL_LINES = 5;
const TAIL_LINE_CHARS = 300;

/** The last few non-blank lines, trimmed and cut short: enough to say why a tool failed, bounded. */
export class LastLines {
  private readonly kept: string[] = [];

  add(line: string): void {
    const trimmed = line.trim();
    if (trimmed === '') return;
    this.kept.push(trimmed.length > TAIL_LINE_CHARS ? `${trimmed.slice(0, TAIL_LINE_CHARS)}…` : trimmed);
    if (this.kept.length > TAIL_LINES) this.kept.shift();
  }

  lines(): readonly string[] {
    return [...this.kept];
  }
}
