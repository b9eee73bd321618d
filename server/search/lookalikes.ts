/**
 * Look-alike characters (形近字) that hand-copied registers confuse in names, as classes of
 * characters a clerk misreads for one another (侯/候, 崇/祟, 己/已/巳). A name's look-alike key
 * replaces every character by the first of its class, so two names that differ only in such
 * characters share the key.
 *
 * Origin: no maintained glyph-similarity data set is published for JavaScript (the ones that
 * exist, char-similar and zh-glyph-similarity, are Python packages with pairwise scores, which
 * would join far too many names). This table is the short list of pairs that Chinese-language
 * teaching material gives as 形近字 (the classic 己已巳, 戊戌戍, 未末, 土士, 日曰, 千干 …), kept
 * to characters that occur in personal names and to pairs whose strokes differ by one small
 * mark, so a single slip of the brush. Classes are disjoint; characters are in simplified form
 * (keys are computed after the traditional→simplified step). Adding a class changes keys: bump
 * NAME_KEYS_VERSION in name-keys.ts.
 */
// The first character of a class is its key: the one most common in names, so that most names
// keep their simplified form as look-alike key and store none (name_glyph is NULL then).
export const LOOKALIKE_CLASSES: readonly string[] = [
  '侯候', '崇祟', '刁刀', '晴睛', '己已巳', '戊戌戍', '未末', '士土', '日曰', '千干', '大太', '王玉',
  '荀苟', '李季', '栗粟', '淮准', '治冶', '贝见', '乌鸟', '祝视', '郤郄', '汩汨', '亳毫', '辨辩辫',
  '幕慕暮', '裁栽载', '微徽', '琪祺', '祯桢', '沐沭',
];

const REPRESENTATIVE = new Map<string, string>();
for (const cls of LOOKALIKE_CLASSES) {
  const chars = [...cls];
  for (const ch of chars) {
    if (REPRESENTATIVE.has(ch)) throw new Error(`look-alike classes overlap at ${ch}`);
    REPRESENTATIVE.set(ch, chars[0]!);
  }
}

/** The name with every look-alike character replaced by the first of its class. */
export function lookalikeKey(simplified: string): string {
  let out = '';
  for (const ch of simplified) out += REPRESENTATIVE.get(ch) ?? ch;
  return out;
}

/** The characters that look like `ch` (itself included). */
export function lookalikesOf(ch: string): string[] {
  const rep = REPRESENTATIVE.get(ch);
  return rep ? [...LOOKALIKE_CLASSES.find((c) => c.startsWith(rep))!] : [ch];
}
