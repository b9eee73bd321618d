import type { TributeOffer, TributeResult, TributeSummary } from '../../contract/index.js';
import type { CallOptions, Transport, WriteOptions } from '../transport.js';
import { getTributeSummary, offerTribute } from '../../contract/routes.public.js';

export interface TributeSummaryOptions extends CallOptions {
  /** Also report which kinds this visitor has offered today (`offeredToday`). */
  visitorId?: string | undefined;
}

export function tributesResource(t: Transport) {
  return {
    /** Counts today and all-time per kind. */
    summary: (martyrId: string, opts: TributeSummaryOptions = {}): Promise<TributeSummary> =>
      t.call(getTributeSummary, { params: { id: martyrId }, query: { visitorId: opts.visitorId } }, opts),

    /**
     * Offers a tribute. One of each kind counts per visitor per martyr per day: a repeat
     * resolves with `counted: false`, not an error.
     */
    offer: (martyrId: string, offer: TributeOffer, opts?: WriteOptions): Promise<TributeResult> =>
      t.call(offerTribute, { params: { id: martyrId }, body: offer }, opts),
  };
}
export type TributesResource = ReturnType<typeof tributesResource>;
