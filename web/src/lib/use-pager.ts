import { useState } from 'react';

export interface Pager {
  /** The cursor of the page shown (null: the first page). */
  after: string | null;
  /** 1 for the first page. */
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
}

/**
 * Page by page through a connection, back and forth. Each page is its own query (no merging of
 * pages in the cache: lists read elsewhere with other fields would mix into this one). Going back to
 * the first page whenever `listKey` (the filters) changes.
 */
export function usePager(listKey: string): Pager {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: listKey,
    cursors: [null],
  });
  const cursors = state.key === listKey ? state.cursors : [null];
  return {
    after: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    next: (endCursor) => {
      if (endCursor) setState({ key: listKey, cursors: [...cursors, endCursor] });
    },
    previous: () => setState({ key: listKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : [null] }),
  };
}

export interface LoadMore {
  /** The cursor to ask from (null: the first page). */
  after: string | null;
  /** Asks for the page after `endCursor`; the cache appends it to the ones shown. */
  more: (endCursor: string | null | undefined) => void;
}

/**
 * "Load more" through a connection whose pages the cache merges into one list. The pages shown
 * belong to one set of filters (`listKey`): new filters start again from the first page.
 */
export function useLoadMore(listKey: string): LoadMore {
  const [state, setState] = useState<{ key: string; after: string | null }>({ key: listKey, after: null });
  return {
    after: state.key === listKey ? state.after : null,
    more: (endCursor) => setState({ key: listKey, after: endCursor ?? null }),
  };
}
