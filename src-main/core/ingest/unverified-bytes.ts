/**
 * How much one ingest may have written to the archive disk but not yet verified before its copy
 * waits. 64 MiB is 1 to 3 s of a card's reading (25 to 90 MB/s): enough to ride over a wait for
 * the disk gate while other cards are served, and with 16 cards still only about 1 GiB of copies
 * waiting for their read-back, far below the kernel's dirty-page limits on a 8 GiB office PC.
 */
export const unverifiedBudgetBytes = 64 * 1024 * 1024;

/**
 * One ingest's files copied (stage 1) and waiting for or in their verification (stage 2): the
 * back-pressure between the two. The next copy may start while at most one file is waiting (so a
 * file larger than the budget still overlaps the next one's copy, as before) or while the waiting
 * files hold less than the budget. Written-not-verified bytes therefore never exceed the budget
 * plus two files: the one that crossed it and the one being copied.
 */
export class UnverifiedBytes {
  private readonly waiting = new Map<Promise<unknown>, number>();

  constructor(private readonly budget: number = unverifiedBudgetBytes) {}

  get bytes(): number {
    let sum = 0;
    for (const bytes of this.waiting.values()) sum += bytes;
    return sum;
  }

  /** A copied file of `bytes` now waits for `verified`, which must never reject. */
  add(bytes: number, verified: Promise<unknown>): void {
    const done = verified.then(() => {
      this.waiting.delete(done);
    });
    this.waiting.set(done, bytes);
  }

  /** Resolves when the next file may be copied. */
  async room(): Promise<void> {
    while (this.waiting.size > 1 && this.bytes >= this.budget) await Promise.race(this.waiting.keys());
  }

  /** Resolves when every file added so far is verified (or failed). */
  async settled(): Promise<void> {
    await Promise.all(this.waiting.keys());
  }
}
