import type { TributeOffer, TributeResult, TributeSummary } from '../../contract/index.js';
import type { CallOptions, Transport, WriteOptions } from '../transport.js';
import type { VisitorsResource } from '../visitor.js';
import { getTributeSummary, offerTribute } from '../../contract/routes.public.js';

export interface TributeSummaryOptions extends CallOptions {
  /** Also report which kinds this visitor has offered today (`offeredToday`). */
  visitorId?: string | undefined;
}

/** An offer; without `visitorId` the client's own signed visitor id is used (minted on first use). */
export type TributeOfferInput = Omit<TributeOffer, 'visitorId'> & { visitorId?: string | undefined };

export function tributesResource(t: Transport, visitors: VisitorsResource) {
  return {
    /** Counts today and all-time per kind. */
    summary: (martyrId: string, opts: TributeSummaryOptions = {}): Promise<TributeSummary> =>
      t.call(getTributeSummary, { params: { id: martyrId }, query: { visitorId: opts.visitorId } }, opts),

    /**
     * Offers a tribute. One of each kind counts per visitor per martyr per day, within fair
     * budgets: a repeat or an offer over budget resolves with `counted: false` and a `reason`,
     * not an error.
     */
    offer: async (martyrId: string, offer: TributeOfferInput, opts?: WriteOptions): Promise<TributeResult> =>
      t.call(offerTribute, { params: { id: martyrId }, body: { kind: offer.kind, visitorId: offer.visitorId ?? (await visitors.current()) } }, opts),
  };
}
export type TributesResource = ReturnType<typeof tributesResource>;
