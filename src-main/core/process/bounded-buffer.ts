/** Collects chunks up to `maxBytes`; what comes after is dropped and `overflowed` says so. */
export class BoundedBuffer {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  overflowed = false;

  constructor(readonly maxBytes: number) {}

  /** Keeps what fits; false once something had to be dropped. */
  push(chunk: Buffer): boolean {
    const room = this.maxBytes - this.size;
    if (chunk.length > room) {
      this.overflowed = true;
      if (room > 0) this.keep(chunk.subarray(0, room));
      return false;
    }
    this.keep(chunk);
    return !this.overflowed;
  }

  text(): string {
    return Buffer.concat(this.chunks, this.size).toString('utf8');
  }

  private keep(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
  }
}
