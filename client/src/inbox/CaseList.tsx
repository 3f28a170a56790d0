import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { Case } from '../api/types.js';
import { useNow } from '../ui/useNow.js';
import { CaseRow } from './CaseRow.js';

// Three lines: customer and badges, the first line of the message, team and activity; at phone width the badges wrap onto a fourth.
const ROW_HEIGHT = 88;
const PHONE_ROW_HEIGHT = 112;
// Compact: the team/activity line is left out (styles.css).
const COMPACT_SAVES = 26;
const PHONE = '(max-width: 700px)';

/** The row height for the window's width (styles.css wraps the first line at phone width), following changes. */
function useRowHeight(compact: boolean): number {
  const [phone, setPhone] = useState(() => window.matchMedia(PHONE).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE);
    const onChange = () => setPhone(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return (phone ? PHONE_ROW_HEIGHT : ROW_HEIGHT) - (compact ? COMPACT_SAVES : 0);
}

interface CaseListProps {
  cases: Case[];
  breached: Record<string, true>;
  selected: number;
  /** Move keyboard focus to the selected row (after j/k), not on every render. */
  focusToken: number;
  onSelect(index: number): void;
  onNearEnd(): void;
  compact?: boolean;
  /** Cases ticked for a bulk action. */
  checked: ReadonlySet<string>;
  onCheck(caseId: string, checked: boolean): void;
}

/** The virtualized case list: only the rows in view are in the page, so 10,000 cases scroll smoothly. */
export function CaseList({ cases, breached, selected, focusToken, onSelect, onNearEnd, compact = false, checked, onCheck }: CaseListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const now = useNow();
  const rowHeight = useRowHeight(compact);
  const virtualizer = useVirtualizer({ count: cases.length, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8 });
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (lastIndex >= cases.length - 10) onNearEnd();
  }, [lastIndex, cases.length, onNearEnd]);

  useEffect(() => {
    if (focusToken === 0 || selected < 0) return;
    virtualizer.scrollToIndex(selected, { align: 'auto' });
    // The row exists once the virtualizer has rendered it: focus on the next frame.
    const frame = requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-index="${selected}"] a`)?.focus());
    return () => cancelAnimationFrame(frame);
  }, [focusToken, selected, virtualizer]);

  return (
    <div ref={scroller} className="case-list" aria-label="Cases">
      <ul style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => {
          const item = cases[row.index];
          if (!item) return null;
          return (
            <li key={item.id} data-index={row.index} aria-setsize={cases.length} aria-posinset={row.index + 1} style={{ transform: `translateY(${row.start}px)`, height: row.size }}>
              <input type="checkbox" className="row-check" checked={checked.has(item.id)} onChange={(e) => onCheck(item.id, e.target.checked)} aria-label={`Select the case of ${item.customer.name || item.customer.handle || item.customer.id}`} />
              <CaseRow item={item} selected={row.index === selected} breached={breached[item.id] === true} now={now} onFocus={() => onSelect(row.index)} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
