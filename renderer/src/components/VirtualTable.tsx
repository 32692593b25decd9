/**
 * A windowed table (@tanstack/react-virtual): fixed row height, only the rows in view (plus a few) are in
 * the DOM, so 100,000 rows cost the same as 20. Keyboard: the focused row has tabindex 0 (roving); arrows, Page Up/Down, Home and
 * End move it and scroll; Enter or Space selects. `aria-rowcount`/`aria-rowindex` tell screen readers the
 * full size although most rows are not rendered.
 */
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  header: string;
  /** A CSS grid track, e.g. "12rem" or "1fr". */
  width: string;
  render(row: Row): ReactNode;
}

export interface VirtualTableProps<Row> {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowHeight: number;
  getRowId(row: Row): string;
  label: string;
  selectedId?: string;
  onSelect?(row: Row): void;
  /** Called when the last rows come into view (load the next page). */
  onEndReached?(): void;
  /** Total rows when more exist than are loaded (for aria-rowcount). */
  totalCount?: number;
  /** Viewport height when it cannot be measured (jsdom, first paint). */
  fallbackHeight?: number;
  overscan?: number;
}

export function VirtualTable<Row>({
  rows,
  columns,
  rowHeight,
  getRowId,
  label,
  selectedId,
  onSelect,
  onEndReached,
  totalCount,
  fallbackHeight = 480,
  overscan = 6,
}: VirtualTableProps<Row>) {
  const viewport = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => rowHeight,
    overscan,
    initialRect: { width: 0, height: fallbackHeight },
    // A viewport that cannot be measured (jsdom, before the first layout) counts as fallbackHeight tall.
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: fallbackHeight })),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = (items[items.length - 1]?.index ?? -1) + 1;
  const height = virtualizer.scrollRect?.height ?? fallbackHeight;

  useEffect(() => {
    if (onEndReached !== undefined && rows.length > 0 && last >= rows.length - overscan) onEndReached();
  }, [last, rows.length, overscan, onEndReached]);

  // Keep the roving focus inside the data when the list shrinks (filter changed).
  const clampedFocus = Math.min(focusIndex, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    viewport.current?.querySelector<HTMLElement>(`[data-index="${clampedFocus}"]`)?.focus();
  }, [clampedFocus, first, last]);

  const moveFocus = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(rows.length - 1, index));
      virtualizer.scrollToIndex(target, { align: 'auto' });
      focusPending.current = true;
      setFocusIndex(target);
    },
    [rows.length, virtualizer],
  );

  const pageRows = Math.max(1, Math.floor(height / rowHeight) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, row: Row) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveFocus(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(row);
    }
  };

  // The roving tab stop must be a rendered row, or the table could not be reached with Tab after a scroll.
  const tabStop = clampedFocus >= first && clampedFocus < last ? clampedFocus : first;
  const template = columns.map((column) => column.width).join(' ');
  const visible: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    const row = rows[index];
    if (row === undefined) continue;
    const id = getRowId(row);
    visible.push(
      <div
        key={id}
        role="row"
        className={id === selectedId ? 'vt-row vt-row-selected' : 'vt-row'}
        aria-rowindex={index + 2}
        aria-selected={id === selectedId}
        data-index={index}
        tabIndex={index === tabStop ? 0 : -1}
        style={{ top: index * rowHeight, height: rowHeight, gridTemplateColumns: template }}
        onClick={() => {
          setFocusIndex(index);
          onSelect?.(row);
        }}
        onKeyDown={(event) => onKeyDown(event, index, row)}
      >
        {columns.map((column) => (
          <div key={column.key} role="gridcell" className="vt-cell">
            {column.render(row)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div className="vt" role="grid" aria-label={label} aria-rowcount={(totalCount ?? rows.length) + 1} aria-colcount={columns.length}>
      <div role="rowgroup" className="vt-head">
        <div role="row" className="vt-row vt-header-row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <div key={column.key} role="columnheader" className="vt-cell">
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={viewport} role="rowgroup" className="vt-viewport">
        <div className="vt-canvas" style={{ height: virtualizer.getTotalSize() }}>
          {visible}
        </div>
      </div>
    </div>
  );
}
