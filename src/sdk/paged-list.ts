import { MemorialValidationError } from './errors.js';
import type { Page } from './route-types.js';

/**
 * A lazily fetched, cursor-paged list. Iterating it with `for await` walks every page;
 * nothing is requested until it is iterated or a page is asked for.
 */
export interface PagedList<T> extends AsyncIterable<T> {
  /** The first page (from the query's own `cursor`, if it had one). */
  firstPage(): Promise<Page<T>>;
  /** The page at `cursor` (a `nextCursor` from an earlier page), or the first page. */
  page(cursor?: string): Promise<Page<T>>;
  /** Every page in order, each fetched when the previous one has been consumed. */
  pages(): AsyncIterable<Page<T>>;
}

export function pagedList<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, startCursor?: string): PagedList<T> {
  async function* pages(): AsyncGenerator<Page<T>, void, undefined> {
    const seen = new Set<string>(startCursor ? [startCursor] : []);
    let cursor = startCursor;
    for (;;) {
      const page = await fetchPage(cursor);
      yield page;
      if (page.nextCursor === null) return;
      // A server that hands back a cursor twice would make `for await` loop forever.
      if (seen.has(page.nextCursor)) {
        throw new MemorialValidationError([{ path: 'nextCursor', message: 'repeats an earlier cursor' }]);
      }
      seen.add(page.nextCursor);
      cursor = page.nextCursor;
    }
  }

  return {
    firstPage: () => fetchPage(startCursor),
    page: (cursor) => fetchPage(cursor ?? startCursor),
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
  };
}
