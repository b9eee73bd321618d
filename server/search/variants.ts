/**
 * Variant characters (异体字) that old registers use in names and that OpenCC's
 * traditional→simplified table leaves alone, mapped to the standard form (通用规范汉字表).
 * Applied after OpenCC when computing name keys, on both the stored name and the query,
 * so 吴𠮷祥 and 吴吉祥 share a key. Kept short and conservative: a character is listed only
 * when it is a pure variant of the target in personal names.
 */
export const NAME_VARIANTS: Readonly<Record<string, string>> = {
  '𠮷': '吉',
  '凖': '准',
  '煇': '辉',
  '暎': '映',
  '卋': '世',
  '冨': '富',
  '兾': '冀',
  '嶋': '岛',
  '淸': '清',
  '靑': '青',
  '竝': '并',
  '隂': '阴',
  '陰': '阴',
  '甯': '宁',
  '珎': '珍',
  '寳': '宝',
  '秊': '年',
  '亊': '事',
  '廸': '迪',
  '畧': '略',
  '塲': '场',
  '惪': '德',
  '悳': '德',
  '徳': '德',
  '髙': '高',
  '喆': '哲',
  '堃': '坤',
  '崐': '昆',
  '崑': '昆',
  '舘': '馆',
  '菓': '果',
  '逈': '迥',
  '衞': '卫',
  '蔴': '麻',
  '絃': '弦',
  '脩': '修',
  '囯': '国',
  '囻': '国',
  '圀': '国',
  '國': '国',
  '夀': '寿',
  '壽': '寿',
  '髪': '发',
  '峯': '峰',
  '羣': '群',
};

/** Replaces listed variants code point by code point (astral characters included). */
export function normalizeVariants(s: string): string {
  let out = '';
  for (const ch of s) out += NAME_VARIANTS[ch] ?? ch;
  return out;
}
