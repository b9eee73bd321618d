import type { ElementExample, ExampleList } from '../shared/examples.js';
import { hangingClient, json, stubClient } from '../shared/example-support.js';
import type { MemorialProvider } from '../provider/provider.js';
import type { MemorialCampaignBanner } from './campaign-banner.js';

/**
 * The fallback every example carries: what a county portal puts inside the tag, shown with no
 * script, before the element is defined, while loading and whenever the campaign cannot be shown.
 */
export const CAMPAIGN_FALLBACK = '<a href="https://www.chinamartyrs.gov.cn/">中华英烈网 · 网上祭英烈</a>';

/**
 * Instants in Asia/Shanghai against the calendar's rules: qingming-2026 runs 10 February – 11 April
 * 2026, martyrs-day-2026 is 30 September, memorial-day-2026 (国家公祭日) 13 December.
 */
export const CAMPAIGN_CLOCK = {
  /** During qingming-2026. */
  active: '2026-04-04T10:00:00+08:00',
  /** 14 days before qingming-2026 starts. */
  upcoming: '2026-01-27T09:00:00+08:00',
  /** 烈士纪念日, a one-day campaign. */
  martyrsDay: '2026-09-30T09:00:00+08:00',
  /** 国家公祭日, a one-day campaign in the mourning tone. */
  memorialDay: '2026-12-13T09:00:00+08:00',
  /** Between campaigns: after 烈士纪念日, before 国家公祭日 (campaigns/current answers 404). */
  between: '2026-12-01T10:00:00+08:00',
} as const;

const banner = (root: ParentNode) => root.querySelector('memorial-campaign-banner') as MemorialCampaignBanner;
const at = (iso: string) => (root: HTMLElement) => {
  banner(root).now = new Date(iso);
};

/** One banner against the reference API, with the fallback inside. */
const tag = (attrs: string) => (ctx: { apiBase: string }) =>
  `<memorial-campaign-banner api-base="${ctx.apiBase}" ${attrs}>
  ${CAMPAIGN_FALLBACK}
</memorial-campaign-banner>`;

const examples: ElementExample[] = [
  {
    name: 'active-strip',
    description: 'During the campaign: the yearly title and theme, the dates and the call to action, full width for a page header.',
    state: 'loaded',
    expectEvent: 'memorial-load',
    html: tag('campaign="qingming-2026"'),
    setup: at(CAMPAIGN_CLOCK.active),
  },
  {
    name: 'active-card',
    description: 'The same campaign as a card, for a side column.',
    state: 'variant',
    variant: 'card',
    html: tag('campaign="qingming-2026" variant="card"'),
    setup: at(CAMPAIGN_CLOCK.active),
  },
  {
    name: 'active-float',
    description: 'A small floating entry in the page’s corner (top layer), with a permanent close button that is remembered.',
    state: 'variant',
    variant: 'float',
    html: tag('campaign="qingming-2026" variant="float"'),
    setup: at(CAMPAIGN_CLOCK.active),
  },
  {
    name: 'upcoming',
    description: 'Before the window: the days remaining, counted in Asia/Shanghai days.',
    state: 'variant',
    variant: 'upcoming',
    html: tag('campaign="qingming-2026"'),
    setup: at(CAMPAIGN_CLOCK.upcoming),
  },
  {
    name: 'one-day',
    description: 'A day of remembrance (9月30日 烈士纪念日): one date.',
    state: 'variant',
    variant: 'one-day',
    html: tag('campaign="martyrs-day-2026" variant="card"'),
    setup: at(CAMPAIGN_CLOCK.martyrsDay),
  },
  {
    name: 'mourning',
    description: '国家公祭日 (tone="mourning"): the day’s own heading 悼念死难同胞, no accent colour, and 参加网上公祭 — never 缅怀英烈 nor 网上祭扫.',
    state: 'variant',
    variant: 'mourning',
    html: tag('campaign="memorial-day-2026"'),
    setup: at(CAMPAIGN_CLOCK.memorialDay),
  },
  {
    name: 'between-next',
    description:
      'Between campaigns, campaign="current" (the server answers 404) with between="next" (the default): one quiet line linking to the next campaign, no beacons. Shown here with the server’s 404 played back and its real next campaign; between="hide" shows nothing.',
    state: 'variant',
    variant: 'between-next',
    html: `<memorial-provider>
  <memorial-campaign-banner campaign="current" between="next">
    ${CAMPAIGN_FALLBACK}
  </memorial-campaign-banner>
</memorial-provider>`,
    setup: (root, ctx) => {
      // campaigns/current as the server answers it between campaigns; campaigns/next is the server's memorial-day-2026
      const api = new URL('api/v1/', ctx.apiBase.replace(/\/?$/, '/'));
      (root.querySelector('memorial-provider') as MemorialProvider).client = stubClient(async (url) =>
        url.pathname.endsWith('/campaigns/current')
          ? json({ code: 'not_found', message: 'A campaign active today was not found', requestId: 'example' }, 404)
          : json(await (await fetch(new URL('campaigns/memorial-day-2026', api))).json()),
      );
    },
  },
  {
    name: 'ended-hidden',
    description: 'After the window with after="hide" (the default): the banner takes no space.',
    state: 'empty',
    html: tag('campaign="qingming-2020"'),
  },
  {
    name: 'ended-link',
    description: 'After the window with after="link": a plain link to the column.',
    state: 'variant',
    variant: 'ended-link',
    html: tag('campaign="qingming-2020" after="link"'),
  },
  {
    name: 'current',
    description: 'campaign="current": whatever campaign is active now in Asia/Shanghai (decided by the server, by its clock); between campaigns the quiet next line.',
    state: 'variant',
    variant: 'current',
    // active, or the next line between campaigns, by the server's clock
    expect: null,
    html: tag('campaign="current" variant="card"'),
  },
  {
    name: 'provider',
    description: 'Inside a <memorial-provider>: its client (the SDK), locale and elder mode.',
    state: 'variant',
    variant: 'provider',
    html: (ctx) => `<memorial-provider api-base="${ctx.apiBase}" locale="${ctx.locale}">
  <memorial-campaign-banner campaign="qingming-2026" variant="card">
    ${CAMPAIGN_FALLBACK}
  </memorial-campaign-banner>
</memorial-provider>`,
    setup: at(CAMPAIGN_CLOCK.active),
  },
  {
    name: 'loading',
    description: 'While the campaign loads, the fallback link is shown (and works) in the reserved height.',
    state: 'loading',
    html: `<memorial-provider>
  <memorial-campaign-banner campaign="qingming-2026" no-beacon>
    ${CAMPAIGN_FALLBACK}
  </memorial-campaign-banner>
</memorial-provider>`,
    setup: (root) => {
      (root.querySelector('memorial-provider') as MemorialProvider).client = hangingClient();
    },
  },
  {
    name: 'api-down',
    description: 'Nothing answers at the API address: the fallback link, exactly as without script.',
    state: 'api-down',
    expectEvent: 'memorial-error',
    html: (ctx) => tag('campaign="qingming-2026"')({ apiBase: ctx.unreachableApiBase }),
  },
  {
    name: 'not-found',
    description: 'No such campaign: the fallback link.',
    state: 'error',
    expectEvent: 'memorial-error',
    html: tag('campaign="qingming-1900"'),
  },
  {
    name: 'no-campaign',
    description: 'No campaign attribute yet: the fallback link, nothing is fetched.',
    state: 'idle',
    html: tag(''),
  },
];

export const campaignBannerExamples: ExampleList = {
  tag: 'memorial-campaign-banner',
  title: '<memorial-campaign-banner>',
  examples,
};
