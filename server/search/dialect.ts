/**
 * Dialect confusions (方言音近): the sound classes that Chinese input methods call fuzzy pinyin,
 * because speakers of many dialects do not tell them apart and clerks wrote names as they heard
 * them: z/zh, c/ch, s/sh, l/n, f/h, r/l, an/ang, en/eng, in/ing, ian/iang, uan/uang. A syllable's
 * dialect key folds each class to one spelling, so 范玉山 (fan yu shan) and 房玉山 (fang yu shan)
 * share the key fanyusan.
 */

/** One toneless syllable (`zhang`) → its dialect key (`zan`). Anything else (a Han character pinyin-pro did not know) stays. */
export function fuzzySyllable(syllable: string): string {
  if (!/^[a-zv]+$/.test(syllable)) return syllable;
  return syllable
    .replace(/^([zcs])h/, '$1') // zh ch sh → z c s
    .replace(/^[nr]/, 'l') // n, r → l
    .replace(/^h/, 'f') // h → f
    .replace(/([aei])ng$/, '$1n'); // ang eng ing (iang uang) → an en in (ian uan)
}

/** A name's toneless syllables → its dialect key. */
export const fuzzyKey = (syllables: readonly string[]) => syllables.map(fuzzySyllable).join('');

/** The letter that stands for an initial's dialect class (l for l/n/r, f for f/h), for the case-matching prefilter. */
export const initialClass = (letter: string) => (letter === 'n' || letter === 'r' ? 'l' : letter === 'h' ? 'f' : letter);
