import type { Martyr, MartyrSummary } from '../../contract/index.js';
import { pagedList, type PagedList } from '../paged-list.js';
import type { QueryOf } from '../route-types.js';
import type { CallOptions, Transport } from '../transport.js';
import { getMartyr, searchMartyrs } from '../../contract/routes.public.js';

/** Search filters: name (`q`, matched forgivingly), 籍贯, period, death years, unit, cemetery, `seekingRelatives`, page size. */
export type MartyrSearch = QueryOf<'searchMartyrs'>;

export function martyrsResource(t: Transport) {
  return {
    /** A martyr's full record. A missing id rejects with `MemorialHttpError` (404, `not_found`). */
    get: (id: string, opts?: CallOptions): Promise<Martyr> => t.call(getMartyr, { params: { id } }, opts),

    /**
     * Searches the roll. `for await (const m of client.martyrs.search(q))` walks every page;
     * use `firstPage()` / `page(cursor)` to page by hand. Each hit says why it matched (`match`).
     */
    search: (query: MartyrSearch = {}, opts?: CallOptions): PagedList<MartyrSummary> => {
      const { cursor, ...filters } = query;
      return pagedList((c) => t.call(searchMartyrs, { query: { ...filters, cursor: c } }, opts), cursor);
    },
  };
}
export type MartyrsResource = ReturnType<typeof martyrsResource>;
