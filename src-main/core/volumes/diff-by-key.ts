/** What appeared and what went between two sightings of keyed things (volumes by mount). */
export function diffByKey<T>(previous: ReadonlyMap<string, T>, current: ReadonlyMap<string, T>): { added: T[]; removed: T[] } {
  const added = [...current].filter(([key]) => !previous.has(key)).map(([, value]) => value);
  const removed = [...previous].filter(([key]) => !current.has(key)).map(([, value]) => value);
  return { added, removed };
}
