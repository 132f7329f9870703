export interface RangeInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  /** Rows rendered beyond each edge so a quick flick does not show blank space. */
  overscan: number;
}

/** Inclusive indices of the rows to render; `last < first` when there are none. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, rowCount, overscan }: RangeInput): {
  first: number;
  last: number;
} {
  if (rowCount <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const top = Math.max(0, Math.floor(scrollTop / rowHeight));
  const bottom = Math.ceil((scrollTop + Math.max(0, viewportHeight)) / rowHeight) - 1;
  const first = Math.max(0, Math.min(top, rowCount - 1) - overscan);
  const last = Math.min(rowCount - 1, Math.max(bottom, top) + overscan);
  return { first, last };
}
