import type { Catalog } from './catalog.js';
import type { zhHansBanner } from './zh-Hans.banner.js';

/** <memorial-campaign-banner> (issue 5): see zhHansBanner. Keep this block contiguous. */
export const zhHantBanner = {
  'banner.dates': '{start}至{end}',
  'banner.cta': '前往網上祭掃',
  'banner.mourningCta': '參加網上公祭',
  'banner.next': '下一個紀念活動：{title}（{date}起）',
  'banner.upcoming': { other: '還有 {count} 天開始' },
  'banner.upcomingCta': '瞭解活動',
  'banner.ended': '{title}（已結束）',
  'banner.newWindow': '（在新視窗開啟）',
  'banner.close': '關閉活動入口',
} as const satisfies Pick<Catalog, keyof typeof zhHansBanner>;
