/**
 * How much one ingest may have written to the archive disk but not yet verified before its copy
 * waits. Where the copy is written uncached (see copy-target.ts) this holds no memory, elsewhere
 * the kernel's dirty-page limits bound it; it bounds the read-back left after the last byte and
 * the copies a crash leaves to redo. It must ride over the wait for a read-back, which on a rack is
 * long: with eight cards at 25 MB/s, each read-back queued at the disk gate behind the others' and
 * its fsync behind the journal, files often waited seconds, longer than the next file took to
 * copy. At 64 MiB every card then stopped reading for 0.3 to 1.3 s in all; at 128 MiB and more
 * none did, and the rack took 12.3–13.3 s instead of 13.1–14.8 s (alternating runs). 256 MiB is
 * 10 s of a USB 2.0 card and 3 s of a fast reader; sixteen cards hold at most 4 GiB unverified,
 * plus two files each (see UnverifiedBytes).
 */
export const unverifiedBudgetBytes = 256 * 1024 * 1024;

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
