import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNote, Section } from './bits';
import { Pager, useCursorPages } from './pages';

export interface CursorPage<T> {
  items: T[];
  next_cursor?: string | null;
}

/**
 * A section listing one kind of thing as cards, a page at a time from the server
 * (its opaque cursors), kept on screen while the next page loads.
 */
export function PagedCards<T extends { id: string }>({
  title,
  queryKey,
  fetchPage,
  card,
  empty,
  pageSize = 25,
}: {
  title: string;
  queryKey: string;
  fetchPage(cursor: string | undefined, limit: number): Promise<CursorPage<T>>;
  card(item: T): ReactNode;
  empty: string;
  pageSize?: number;
}) {
  const pages = useCursorPages(queryKey);
  const list = useQuery({
    queryKey: [queryKey, 'page', pages.cursor],
    queryFn: () => fetchPage(pages.cursor, pageSize),
    placeholderData: (previous) => previous,
  });
  return (
    <Section title={title} busy={list.isPending}>
      <ErrorNote error={list.error} />
      <ul className="cards">
        {(list.data?.items ?? []).map((item) => (
          <li key={item.id} className="card">
            {card(item)}
          </li>
        ))}
        {list.data && list.data.items.length === 0 && <li>{empty}</li>}
      </ul>
      <Pager page={pages.page} nextCursor={list.data?.next_cursor} onNext={pages.next} onPrevious={pages.previous} />
    </Section>
  );
}
