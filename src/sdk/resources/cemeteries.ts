import type { Cemetery, CemeterySummary, Grave } from '../../contract/index.js';
import { getCemetery, getGrave, listCemeteries, listGraves } from '../../contract/routes.public.js';
import { pagedList, type PagedList } from '../paged-list.js';
import type { QueryOf } from '../route-types.js';
import type { CallOptions, Transport } from '../transport.js';

/** Filters for `list`: `region` (a GB/T 2260 prefix of 2, 4 or 6 digits), `level` (1–5), page size. */
export type CemeteryList = QueryOf<'listCemeteries'>;
/** `section` (an id from `Cemetery.sections`), `row`, page size (up to 500). */
export type GraveList = QueryOf<'listGraves'>;

/**
 * Cemeteries and their graves. Photo paths are relative to the API root: turn them into
 * `src`/`srcset` with `photoSources(photo, client.baseUrl)`.
 */
export function cemeteriesResource(t: Transport) {
  return {
    /** Cemeteries by name; `for await` walks every page. */
    list: (query: CemeteryList = {}, opts?: CallOptions): PagedList<CemeterySummary> => {
      const { cursor, ...filters } = query;
      return pagedList((c) => t.call(listCemeteries, { query: { ...filters, cursor: c } }, opts), cursor);
    },

    /** A cemetery with its sections (墓区) in walking order and their layout, and the phone for 代为祭扫. */
    get: (id: string, opts?: CallOptions): Promise<Cemetery> => t.call(getCemetery, { params: { id } }, opts),

    /** The graves of a cemetery in walking order (section, row, number), one page at a time. */
    graves: (cemeteryId: string, query: GraveList = {}, opts?: CallOptions): PagedList<Grave> => {
      const { cursor, ...filters } = query;
      return pagedList((c) => t.call(listGraves, { params: { id: cemeteryId }, query: { ...filters, cursor: c } }, opts), cursor);
    },

    /** One grave: who lies there (none for 无名烈士墓, several for 合葬墓), inscription, photos. */
    grave: (id: string, opts?: CallOptions): Promise<Grave> => t.call(getGrave, { params: { id } }, opts),
  };
}
export type CemeteriesResource = ReturnType<typeof cemeteriesResource>;
