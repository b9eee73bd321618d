import type { CalendarCampaign, CampaignEvent } from '../../contract/index.js';
import type { CallOptions, Transport, WriteOptions } from '../transport.js';
import { currentCampaign, getCampaign, listCampaigns, nextCampaign, recordCampaignEvent } from '../../contract/routes.public.js';

export function campaignsResource(t: Transport) {
  return {
    /** Every campaign. */
    list: async (opts?: CallOptions): Promise<CalendarCampaign[]> => (await t.call(listCampaigns, {}, opts)).items,

    /**
     * Campaigns whose window (Asia/Shanghai days) contains `at`. The default `'now'` lets the
     * server's clock decide, since a visitor's clock may be wrong.
     */
    listActive: async (at: Date | 'now' = 'now', opts?: CallOptions): Promise<CalendarCampaign[]> =>
      (await t.call(listCampaigns, { query: { activeAt: at === 'now' ? 'now' : at.toISOString() } }, opts)).items,

    /** One campaign by slug (`qingming-2026`), or `'current'` for the one active now. */
    get: (id: string, opts?: CallOptions): Promise<CalendarCampaign> => t.call(getCampaign, { params: { id } }, opts),

    /** The campaign active now by the server's clock; rejects with a 404 `MemorialHttpError` between campaigns. */
    current: (opts?: CallOptions): Promise<CalendarCampaign> => t.call(currentCampaign, {}, opts),

    /** The next campaign to start after today (Asia/Shanghai), e.g. for a quiet "next: …" line. */
    next: (opts?: CallOptions): Promise<CalendarCampaign> => t.call(nextCampaign, {}, opts),

    /** Reports that this host page showed (`impression`) or followed (`click`) the banner. */
    record: async (id: string, event: CampaignEvent, opts?: WriteOptions): Promise<void> => {
      await t.call(recordCampaignEvent, { params: { id }, body: event }, opts);
    },
  };
}
export type CampaignsResource = ReturnType<typeof campaignsResource>;
