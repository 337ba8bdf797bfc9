/**
 * A windowed list: only the rows in view (plus a few) are in the DOM, so 100,000 events scroll smoothly.
 * Rows have a fixed height; the scroll position picks the slice to draw.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Height of the scrolling box in px, or a CSS length. */
  height: number | string;
  renderRow(index: number): ReactNode;
  /** Called when the last rows come into view (to load the next page). */
  onNearEnd?(): void;
  label: string;
  overscan?: number;
  className?: string;
}

export function VirtualList({ count, rowHeight, height, renderRow, onNearEnd, label, overscan = 8, className }: VirtualListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const frame = useRef(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setViewport(el.clientHeight || 600));
    ro.observe(el);
    setViewport(el.clientHeight || 600);
    return () => ro.disconnect();
  }, []);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      if (box.current) setScrollTop(box.current.scrollTop);
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + overscan);

  useEffect(() => {
    if (onNearEnd && count > 0 && last >= count - overscan * 4) onNearEnd();
  }, [last, count, onNearEnd, overscan]);

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} role="listitem" aria-setsize={count} aria-posinset={i + 1} className="vrow" style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={box} className={`vlist ${className ?? ''}`} style={{ height, overflowY: 'auto', position: 'relative' }} onScroll={onScroll} tabIndex={0} aria-label={label}>
      <div role="list" aria-label={label} style={{ height: count * rowHeight, position: 'relative' }}>
        {rows}
      </div>
    </div>
  );
}
