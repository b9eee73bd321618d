import type { PluralMessage } from './catalog.js';

/**
 * <memorial-campaign-banner> (issue 5): keep this block contiguous. A module of its own so the
 * banner's bundle carries only these strings and not the whole catalog (a bundler cannot take
 * one block out of a module whose catalog spreads it); spread into the catalog, so
 * `t('banner.…')` works everywhere as usual.
 */
export const zhHansBanner = {
  'banner.dates': '{start}至{end}',
  'banner.cta': '前往网上祭扫',
  'banner.mourningCta': '参加网上公祭',
  'banner.next': '下一个纪念活动：{title}（{date}起）',
  'banner.upcoming': { other: '还有 {count} 天开始' },
  'banner.upcomingCta': '了解活动',
  'banner.ended': '{title}（已结束）',
  'banner.newWindow': '（在新窗口打开）',
  'banner.close': '关闭活动入口',
} as const satisfies Record<`banner.${string}`, string | PluralMessage>;
