import type { ElementExample, ExampleList } from '../shared/examples.js';
import { hangingClient } from '../shared/example-support.js';
import type { MemorialProvider } from '../provider/provider.js';
import type { MemorialCampaignBanner } from './campaign-banner.js';

/**
 * The fallback every example carries: what a county portal puts inside the tag, shown with no
 * script, before the element is defined, while loading and whenever the campaign cannot be shown.
 */
export const CAMPAIGN_FALLBACK = '<a href="https://www.chinamartyrs.gov.cn/">中华英烈网 · 网上祭英烈</a>';

/** Instants in Asia/Shanghai that put the seeded qingming-2026 (15 March – 15 April 2026) in each phase. */
export const CAMPAIGN_CLOCK = {
  /** During the window. */
  active: '2026-04-04T10:00:00+08:00',
  /** 14 days before it starts. */
  upcoming: '2026-03-01T09:00:00+08:00',
  /** 烈士纪念日, a one-day campaign. */
  martyrsDay: '2026-09-30T09:00:00+08:00',
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
    description: 'campaign="current": whatever campaign is active now in Asia/Shanghai, else the next one (decided by the server).',
    state: 'variant',
    variant: 'current',
    // active or upcoming, or the fallback once the seeded calendar has run out
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
