/** Twelve hex digits are enough to tell recordings apart by eye; the detail view shows all 64. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}
