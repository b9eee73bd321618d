/**
 * Name material for the FICTIONAL sample roll. Names are assembled at random from common
 * surnames and given-name characters; any match with a real person is coincidence, and every
 * generated record carries `sample: true`.
 */
import type { Rng } from './random.js';

/** Common single-character surnames, weighted roughly by how common they are. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 30], ['李', 30], ['张', 28], ['刘', 24], ['陈', 20], ['杨', 14], ['黄', 12], ['赵', 11], ['吴', 10],
  ['周', 10], ['徐', 8], ['孙', 8], ['马', 8], ['朱', 7], ['胡', 7], ['郭', 6], ['何', 6], ['高', 6], ['林', 6],
  ['罗', 6], ['郑', 5], ['梁', 5], ['谢', 4], ['宋', 4], ['唐', 4], ['许', 4], ['韩', 4], ['冯', 4], ['邓', 4],
  ['曹', 4], ['彭', 4], ['曾', 4], ['肖', 3], ['田', 3], ['董', 3], ['袁', 3], ['潘', 3], ['于', 3], ['蒋', 3],
  ['蔡', 3], ['余', 3], ['杜', 3], ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3],
  ['沈', 2], ['姚', 2], ['卢', 2], ['姜', 2], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2],
  ['金', 2], ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 2],
  ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2], ['万', 2],
  ['钱', 2], ['严', 2], ['覃', 2], ['武', 2], ['戴', 2], ['莫', 2], ['孔', 2], ['向', 2], ['汤', 2],
  // Compound surnames are rare: a few per few hundred records.
  ['欧阳', 1], ['司马', 0.6], ['诸葛', 0.4], ['上官', 0.4], ['东方', 0.3],
];

export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官', '东方'] as const;

/** Given-name characters common in registers of the first half of the 20th century. */
const GIVEN_MALE_OLD = [...'德明国华志文建永福贵海山林成云清生金玉春忠义仁富荣发祥昌兴洪宝有正家树长庆和平顺保友先光胜利才全汉章鸿根元振世远茂炳开秋'];
const GIVEN_FEMALE_OLD = [...'秀英兰珍芳桂凤玉梅翠淑云华琴惠莲贞彩'];
/** And in the later decades. */
const GIVEN_MALE_NEW = [...'伟磊鹏杰涛斌超勇俊博晨飞宇浩亮刚军强辉峰龙波洋凯健海林明华平卫东红新建'];
const GIVEN_FEMALE_NEW = [...'丽娟静燕婷敏红艳琳霞芳英玲'];

/** Surnames common among Korean Chinese (朝鲜族), who write their names in Chinese characters. */
const KOREAN_SURNAMES = ['金', '朴', '崔', '李', '郑', '姜', '尹', '全'];
const KOREAN_GIVEN = [...'哲永成光国春玉顺吉龙洙浩贤淑善英'];

/** Uyghur names are written in transliteration as personal name · father's name. */
const UYGHUR_MALE = ['买买提', '吐尔逊', '艾力', '阿不都', '热合曼', '艾买提', '肉孜', '依明', '卡德尔', '吐尔洪', '阿布拉'];
const UYGHUR_FEMALE = ['阿依古丽', '帕提古丽', '古丽娜尔'];
const TIBETAN = ['扎西', '次仁', '顿珠', '多吉', '旦增', '平措', '格桑', '罗布', '尼玛', '达瓦', '边巴', '索朗'];
const TIBETAN_FEMALE = ['卓玛', '央金', '拉姆', '德吉'];
const MONGOLIAN_MALE = ['巴特尔', '额尔敦', '宝音', '朝鲁', '孟和', '布和', '哈斯', '苏和', '那顺', '阿木尔'];
const MONGOLIAN_FEMALE = ['其其格', '萨仁', '乌云', '高娃'];
const KAZAKH_MALE = ['努尔兰', '叶尔兰', '别克', '哈力木', '吐尔汗', '加那提'];
const KAZAKH_FEMALE = ['古丽巴哈尔', '阿依达娜'];

/**
 * Names with a character outside the Basic Multilingual Plane (astral code points, CJK Ext B–D),
 * to prove that storage, search, JSON and rendering keep surrogate pairs intact.
 * 𫖯 U+2B5AF is the 通用规范汉字表 form of 頫 (as in the name 赵孟𫖯); 𠮷 U+20BB7 is the variant of
 * 吉 seen in registers; 𠀋 U+2000B, 𡈽 U+2123D, 𫟹 U+2B7F9, 𬀩 U+2C029 are astral ideographs
 * used here as test characters. The people are fictional.
 */
export const ASTRAL_NAMES: readonly string[] = ['陈𫖯生', '吴𠮷祥', '林𠀋', '黄𡈽根', '周𫟹', '杨𬀩'];

export type NearNameKind = 'homophone' | 'script-variant';

/**
 * Deliberate near-duplicates, for the forgiving name search: each pair names two different
 * (fictional) people whose names an old register could confuse.
 */
export const NEAR_NAME_PAIRS: readonly { a: string; b: string; kind: NearNameKind; female?: true }[] = [
  { a: '张志明', b: '章志名', kind: 'homophone' }, // zhāng zhì míng
  { a: '刘德胜', b: '刘得胜', kind: 'homophone' }, // dé
  { a: '王建军', b: '汪建君', kind: 'homophone' }, // wáng jiàn jūn
  { a: '李秀英', b: '李秀瑛', kind: 'homophone', female: true }, // yīng
  { a: '陈国华', b: '陳國華', kind: 'script-variant' }, // simplified / traditional
  { a: '黄海生', b: '黃海生', kind: 'script-variant' },
  { a: '周卫东', b: '周衛東', kind: 'script-variant' },
];

/** Names that open with a compound surname, guaranteed present whatever the random draw gives. */
export const COMPOUND_SURNAME_NAMES: readonly { name: string; female?: true }[] = [
  { name: '欧阳振华' },
  { name: '司马德昌' },
  { name: '上官秀兰', female: true },
];

export interface SpecialName {
  name: string;
  female: boolean;
}

/** Every hand-placed name, in the order they are placed into the roll. */
export const SPECIAL_NAMES: readonly SpecialName[] = [
  ...ASTRAL_NAMES.map((name) => ({ name, female: false })),
  ...NEAR_NAME_PAIRS.flatMap((p) => [
    { name: p.a, female: p.female === true },
    { name: p.b, female: p.female === true },
  ]),
  ...COMPOUND_SURNAME_NAMES.map((n) => ({ name: n.name, female: n.female === true })),
];

const SPECIAL_SET: ReadonlySet<string> = new Set(SPECIAL_NAMES.map((n) => n.name));

export interface NameOptions {
  female: boolean;
  /** Ethnicity as written in the record (汉族, 维吾尔族 …) or null. */
  ethnicity: string | null;
  /** Later decades use a different stock of given-name characters. */
  modern: boolean;
}

function hanGiven(rng: Rng, pool: readonly string[]): string {
  return rng.chance(0.3) ? rng.pick(pool) : rng.pick(pool) + rng.pick(pool);
}

/** Two name parts that are not the same word (次仁多吉, never 次仁次仁). */
function twoParts(rng: Rng, first: readonly string[], second: readonly string[]): string {
  const a = rng.pick(first);
  let b = rng.pick(second);
  while (b === a) b = rng.pick(second);
  return a + b;
}

/** Personal name · father's name, with the GB-standard middle dot U+00B7. */
function dotted(rng: Rng, own: readonly string[], father: readonly string[]): string {
  const a = rng.pick(own);
  let b = rng.pick(father);
  while (b === a) b = rng.pick(father);
  return `${a}\u00b7${b}`;
}

function draw(rng: Rng, o: NameOptions): string {
  switch (o.ethnicity) {
    case '维吾尔族':
      return dotted(rng, o.female ? UYGHUR_FEMALE : UYGHUR_MALE, UYGHUR_MALE);
    case '哈萨克族':
      return dotted(rng, o.female ? KAZAKH_FEMALE : KAZAKH_MALE, KAZAKH_MALE);
    case '藏族':
      return twoParts(rng, TIBETAN, o.female ? TIBETAN_FEMALE : TIBETAN);
    case '蒙古族':
      if (rng.chance(0.6)) {
        return o.female
          ? rng.pick(MONGOLIAN_FEMALE)
          : rng.chance(0.5)
            ? rng.pick(MONGOLIAN_MALE)
            : twoParts(rng, MONGOLIAN_MALE, MONGOLIAN_MALE);
      }
      break;
    case '朝鲜族':
      return rng.pick(KOREAN_SURNAMES) + hanGiven(rng, o.female ? [...'淑英顺玉善姬'] : KOREAN_GIVEN);
    default:
      break;
  }
  const pool = o.female ? (o.modern ? GIVEN_FEMALE_NEW : GIVEN_FEMALE_OLD) : o.modern ? GIVEN_MALE_NEW : GIVEN_MALE_OLD;
  return rng.weighted(SURNAMES) + hanGiven(rng, pool);
}

/** A random name that never collides with the hand-placed ones (so tests can count on them). */
export function generateName(rng: Rng, o: NameOptions): string {
  for (;;) {
    const name = draw(rng, o);
    if (!SPECIAL_SET.has(name)) return name;
  }
}
