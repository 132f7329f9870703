/**
 * Rows fetched page by page, keyed by page number. Nothing is evicted: even a full scroll
 * through 100 000 recordings holds only that many small objects, and going back is instant.
 */
export class PageCache<T> {
  private readonly pages = new Map<number, readonly T[]>();
  private readonly pending = new Set<number>();

  constructor(readonly pageSize: number) {}

  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages covering rows first..last (inclusive) that are neither held nor on their way. */
  missing(first: number, last: number): number[] {
    const wanted: number[] = [];
    if (last < first) return wanted;
    for (let page = Math.floor(first / this.pageSize); page <= Math.floor(last / this.pageSize); page += 1) {
      if (!this.pages.has(page) && !this.pending.has(page)) wanted.push(page);
    }
    return wanted;
  }

  requested(page: number): void {
    this.pending.add(page);
  }

  store(page: number, rows: readonly T[]): void {
    this.pending.delete(page);
    this.pages.set(page, rows);
  }

  /** A failed page may be asked for again on the next scroll. */
  failed(page: number): void {
    this.pending.delete(page);
  }
}
