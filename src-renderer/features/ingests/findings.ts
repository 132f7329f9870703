/**
 * Missing sequence numbers for a sentence: a few are listed, a long run is cut short with a count,
 * so a card that lost hundreds of files still fits on one line.
 */
export function missingNumbers(missing: readonly number[], shown = 8): { list: string; more: number } {
  const sorted = [...missing].sort((a, b) => a - b);
  return { list: sorted.slice(0, shown).join(', '), more: Math.max(0, sorted.length - shown) };
}
