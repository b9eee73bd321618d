import type { PluralMessage } from './catalog.js';

/**
 * 简体中文 — the reference catalog: its keys define `Catalog`, so every other catalog must have
 * exactly these keys. Placeholders are `{name}`; plural messages are `Intl.PluralRules`
 * categories. Keep messages short: every catalog ships in the browser bundle.
 */
export const zhHans = {
  // common states
  'state.loading': '正在加载…',
  'state.error': '加载失败',
  'state.retry': '重试',
  'state.unreachable': '暂时无法连接服务，请稍后再试。',
  'state.notFound': '未找到相关信息。',
  'state.empty': '暂无内容。',
  'state.invalidData': '返回的数据有误，暂时无法显示。',
  'state.notConfigured': '尚未设置数据服务地址。',
  'state.rateLimited': '访问人数较多，请稍后再试。',
  'action.close': '关闭',
  'label.sample': '示例数据，并非真实人物',
  'date.unknown': '不详',
  // tributes (献花, 鞠躬, 点烛, 擦拭墓碑) and what a button says once offered
  'tribute.flower': '献花',
  'tribute.bow': '鞠躬',
  'tribute.candle': '点烛',
  'tribute.sweep': '擦拭墓碑',
  'tribute.flower.done': '已献花',
  'tribute.bow.done': '已鞠躬',
  'tribute.candle.done': '已点烛',
  'tribute.sweep.done': '已擦拭墓碑',
  'tribute.count': { other: '{count} 人次' },
  // history periods (HISTORY_PERIODS in the contract; unknown ids fall back to the id)
  'period.great-revolution': '大革命时期',
  'period.agrarian-revolution': '土地革命战争时期',
  'period.anti-japanese-war': '抗日战争时期',
  'period.liberation-war': '解放战争时期',
  'period.korean-war': '抗美援朝时期',
  'period.socialist-construction': '社会主义建设时期',
  'period.new-era': '新时期',
} as const satisfies Record<string, string | PluralMessage>;
