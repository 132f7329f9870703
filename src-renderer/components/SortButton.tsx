import type { ReactNode } from 'react';

export type SortOrder = 'asc' | 'desc';

interface Props {
  label: ReactNode;
  active: boolean;
  order: SortOrder;
  onClick(): void;
  testId: string;
}

/** A column header that sorts by its column; pressed again, the other way round. */
export function SortButton({ label, active, order, onClick, testId }: Props) {
  return (
    <button type="button" className={active ? 'sort active' : 'sort'} onClick={onClick} data-testid={testId} data-order={active ? order : undefined}>
      {label}
      <span className="sort-arrow" aria-hidden="true">
        {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
      </span>
    </button>
  );
}

/** The sort after a header was pressed: the same column turns round; another starts from its natural end. */
export function nextSort<C extends string>(current: { sort: C; order: SortOrder }, column: C, descendingFirst: readonly C[]): { sort: C; order: SortOrder } {
  if (current.sort === column) return { sort: column, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { sort: column, order: descendingFirst.includes(column) ? 'desc' : 'asc' };
}

/** What `aria-sort` says of a header. */
export const ariaSort = (active: boolean, order: SortOrder) => (active ? (order === 'asc' ? 'ascending' : 'descending') : 'none');
