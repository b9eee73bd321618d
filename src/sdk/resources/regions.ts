import type { Region } from '../../contract/index.js';
import type { CallOptions, Transport } from '../transport.js';
import { listRegions } from '../../contract/routes.public.js';

/** GB/T 2260 administrative divisions, one level at a time (for cascading 籍贯 selects). */
export function regionsResource(t: Transport) {
  return {
    /**
     * The divisions directly under `parent`: no parent lists the provinces, a province code its
     * cities, a city code its counties. Each says whether it has children (`hasChildren`).
     */
    list: async (parent?: string, opts?: CallOptions): Promise<Region[]> =>
      (await t.call(listRegions, { query: parent ? { parent } : {} }, opts)).items,
  };
}
export type RegionsResource = ReturnType<typeof regionsResource>;
