import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { visibleRange } from './virtual-range.js';

interface Props {
  rowCount: number;
  rowHeight: number;
  /** Sticky at the top of the scroll area, so it scrolls sideways with the rows on a narrow window. */
  header: ReactNode;
  /** Changing it scrolls back to the top (a new search is a new list). */
  resetKey: string;
  onRange(first: number, last: number): void;
  renderRow(index: number, style: CSSProperties): ReactNode;
}

const overscan = 10;

/**
 * Fixed-height rows, only the visible ones in the DOM: the spacer is as tall as all rows
 * together, so the scrollbar is honest while the page holds a few dozen elements.
 */
export function VirtualRows({ rowCount, rowHeight, header, resetKey, onRange, renderRow }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setViewportHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setViewportHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (viewport.current) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  // The sticky header covers the top of the viewport: rows start below it.
  const { first, last } = visibleRange({
    scrollTop,
    viewportHeight: viewportHeight - rowHeight,
    rowHeight,
    rowCount,
    overscan,
  });
  useEffect(() => onRange(first, last), [first, last, onRange]);

  const rows: ReactNode[] = [];
  for (let index = first; index <= last; index += 1) {
    rows.push(renderRow(index, { position: 'absolute', top: index * rowHeight, left: 0, right: 0, height: rowHeight }));
  }
  return (
    <div
      ref={viewport}
      className="virtual-viewport"
      data-testid="virtual-viewport"
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div className="virtual-header" role="rowgroup">
        {header}
      </div>
      <div className="virtual-spacer" role="rowgroup" style={{ height: rowCount * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
