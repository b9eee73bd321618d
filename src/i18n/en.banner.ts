import type { Catalog } from './catalog.js';
import type { zhHansBanner } from './zh-Hans.banner.js';

/** <memorial-campaign-banner> (issue 5): see zhHansBanner. Keep this block contiguous. */
export const enBanner = {
  'banner.dates': '{start} to {end}',
  'banner.cta': 'Pay tribute online',
  'banner.mourningCta': 'Join the online memorial',
  'banner.next': 'Next: {title}, from {date}',
  'banner.upcoming': { one: 'Starts in {count} day', other: 'Starts in {count} days' },
  'banner.upcomingCta': 'About the campaign',
  'banner.ended': '{title} (ended)',
  'banner.newWindow': ' (opens in a new window)',
  'banner.close': 'Close the campaign entry',
} as const satisfies Pick<Catalog, keyof typeof zhHansBanner>;
