import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MartyrSearchPage } from '../../src/contract/index.js';
import { insertMartyrs, martyrRow, type MartyrRecord } from '../../server/martyr-store.js';
import { compareNames, martyrInitials, nameKeys, queryInitial } from '../../server/search/name-keys.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/**
 * Realistic register errors: the name a family (or an old register) writes, against the name on
 * the roll. Records are fictional and placed among the 360 sample martyrs; names already in the
 * sample roll (陈𫖯生, 欧阳振华, 司马德昌, 上官秀兰) are found there.
 */
type Kind = 'homophone' | 'traditional' | 'variant' | 'pinyin' | 'initials' | 'missing' | 'extra' | 'mixed';
const CASES: { record: string; typed: string; kind: Kind }[] = [
  // 同音字: a character written with another of the same sound.
  { record: '李德胜', typed: '李得胜', kind: 'homophone' },
  { record: '王振华', typed: '王震华', kind: 'homophone' },
  { record: '刘建国', typed: '刘健国', kind: 'homophone' },
  { record: '陈玉兰', typed: '陈玉岚', kind: 'homophone' },
  { record: '赵国栋', typed: '赵国东', kind: 'homophone' },
  { record: '孙继先', typed: '孙继仙', kind: 'homophone' },
  { record: '周福祥', typed: '周富祥', kind: 'homophone' },
  { record: '吴长贵', typed: '吴常贵', kind: 'homophone' },
  { record: '黄金山', typed: '黄金珊', kind: 'homophone' },
  { record: '林秀珍', typed: '林秀真', kind: 'homophone' },
  { record: '杨春生', typed: '杨春声', kind: 'homophone' },
  { record: '何永清', typed: '何永青', kind: 'homophone' },
  { record: '郭志刚', typed: '郭志钢', kind: 'homophone' },
  { record: '马成功', typed: '马承功', kind: 'homophone' },
  { record: '罗海林', typed: '罗海霖', kind: 'homophone' },
  { record: '许世杰', typed: '许士杰', kind: 'homophone' },
  { record: '谢光明', typed: '谢广明', kind: 'homophone' },
  { record: '曾繁荣', typed: '曾凡荣', kind: 'homophone' },
  { record: '蒋立新', typed: '蒋力新', kind: 'homophone' },
  { record: '韩文彬', typed: '韩文斌', kind: 'homophone' },
  { record: '张宝山', typed: '章宝山', kind: 'homophone' },
  { record: '王海涛', typed: '汪海涛', kind: 'homophone' },
  { record: '徐有才', typed: '许有才', kind: 'homophone' },
  { record: '肖永福', typed: '萧永福', kind: 'homophone' },
  { record: '钟国强', typed: '仲国强', kind: 'homophone' },
  // 繁体: the register used traditional characters.
  { record: '陈国栋', typed: '陳國棟', kind: 'traditional' },
  { record: '刘长发', typed: '劉長發', kind: 'traditional' },
  { record: '张继红', typed: '張繼紅', kind: 'traditional' },
  { record: '赵德龙', typed: '趙德龍', kind: 'traditional' },
  { record: '黄汉卿', typed: '黃漢卿', kind: 'traditional' },
  { record: '冯万里', typed: '馮萬里', kind: 'traditional' },
  { record: '邓宝贵', typed: '鄧寶貴', kind: 'traditional' },
  { record: '卢振华', typed: '盧振華', kind: 'traditional' },
  { record: '钱学礼', typed: '錢學禮', kind: 'traditional' },
  { record: '苏东升', typed: '蘇東陞', kind: 'traditional' },
  { record: '司马德昌', typed: '司馬德昌', kind: 'traditional' },
  { record: '上官秀兰', typed: '上官秀蘭', kind: 'traditional' },
  { record: '欧阳振华', typed: '歐陽振華', kind: 'traditional' },
  { record: '陈𫖯生', typed: '陳頫生', kind: 'traditional' },
  // 异体字: variant forms.
  { record: '吴吉祥', typed: '吴𠮷祥', kind: 'variant' },
  { record: '李振峰', typed: '李振峯', kind: 'variant' },
  { record: '王德清', typed: '王悳清', kind: 'variant' },
  { record: '周清泉', typed: '周淸泉', kind: 'variant' },
  { record: '高玉珍', typed: '髙玉珎', kind: 'variant' },
  { record: '刘群', typed: '刘羣', kind: 'variant' },
  // 拼音: typed in Latin letters.
  { record: '张宝山', typed: 'zhang bao shan', kind: 'pinyin' },
  { record: '李德胜', typed: 'Li Desheng', kind: 'pinyin' },
  { record: '欧阳振华', typed: 'ouyang zhenhua', kind: 'pinyin' },
  { record: '王振华', typed: 'wang2 zhen4 hua2', kind: 'pinyin' },
  { record: '陈玉兰', typed: 'chén yù lán', kind: 'pinyin' },
  { record: '吕梁生', typed: 'lv liangsheng', kind: 'pinyin' },
  { record: '吕梁生', typed: 'lü liang sheng', kind: 'pinyin' },
  { record: '赵国栋', typed: 'ZHAO GUODONG', kind: 'pinyin' },
  { record: '孙继先', typed: 'sunjixian', kind: 'pinyin' },
  // 首字母: initials.
  { record: '何永清', typed: 'hyq', kind: 'initials' },
  { record: '罗海林', typed: 'lhl', kind: 'initials' },
  { record: '蒋立新', typed: 'jlx', kind: 'initials' },
  { record: '韩文彬', typed: 'hwb', kind: 'initials' },
  // 缺字: a given-name character missing from what was typed.
  { record: '郭志刚', typed: '郭刚', kind: 'missing' },
  { record: '马成功', typed: '马成', kind: 'missing' },
  { record: '林秀珍', typed: '林珍', kind: 'missing' },
  { record: '许世杰', typed: '许杰', kind: 'missing' },
  { record: '周福祥', typed: '周福', kind: 'missing' },
  // The register lost a character the family remembers.
  { record: '田明', typed: '田志明', kind: 'extra' },
  { record: '邱华', typed: '邱建华', kind: 'extra' },
  // Two errors at once: traditional and a homophone.
  { record: '邓宝贵', typed: '鄧保貴', kind: 'mixed' },
  { record: '钟国强', typed: '鍾國強', kind: 'mixed' },
];

/**
 * The second round (issue 20): errors of the ear and of the brush, where the right record must
 * come FIRST although the roll also holds distractors that share the confusable forms (the same
 * surname, a shorter or longer name, the other member of the pair in another name).
 */
type Reason = 'exact' | 'homophone' | 'pinyin' | 'dialect' | 'lookalike';
const FIRST: { record: string; typed: string; reason: Reason; distractors: string[]; note: string }[] = [
  // 方言音近 (fuzzy pinyin classes).
  { record: '范玉山', typed: '房玉山', reason: 'dialect', distractors: ['房玉', '房玉珍', '范玉林', '黄玉山'], note: 'an/ang' },
  { record: '岑德胜', typed: '陈德胜', reason: 'dialect', distractors: ['陈德', '沈德胜', '岑德'], note: 'c/ch' },
  { record: '倪秋生', typed: '李秋生', reason: 'dialect', distractors: ['李秋', '李秋林', '倪秋'], note: 'l/n' },
  { record: '邹文斌', typed: '周文斌', reason: 'dialect', distractors: ['周文', '邹文', '赵文斌'], note: 'z/zh' },
  { record: '舒长林', typed: '苏长林', reason: 'dialect', distractors: ['苏长', '舒长', '孙长林'], note: 's/sh' },
  { record: '傅志成', typed: '胡志成', reason: 'dialect', distractors: ['胡志', '傅志', '何志成'], note: 'f/h' },
  { record: '龙国强', typed: '容国强', reason: 'dialect', distractors: ['容国', '龙国', '罗国强'], note: 'r/l' },
  { record: '程开明', typed: '陈开明', reason: 'dialect', distractors: ['陈开', '程开', '陈明'], note: 'en/eng' },
  { record: '凌秀英', typed: '林秀英', reason: 'dialect', distractors: ['林秀', '凌秀', '林英'], note: 'in/ing' },
  { record: '冼国柱', typed: '项国柱', reason: 'dialect', distractors: ['项国', '冼国', '项柱'], note: 'ian/iang' },
  { record: '李光荣', typed: '李冠荣', reason: 'dialect', distractors: ['李冠', '李荣', '李光'], note: 'uan/uang' },
  { record: '倪秋生', typed: '李秋森', reason: 'dialect', distractors: ['李秋'], note: 'l/n and en/eng at once' },
  // 姓氏读音: a polyphonic surname, in its surname reading and in its word reading.
  { record: '单志远', typed: 'shan zhiyuan', reason: 'pinyin', distractors: ['单志', '丹志'], note: '单 shàn' },
  { record: '单志远', typed: 'dan zhiyuan', reason: 'pinyin', distractors: ['单志', '丹志'], note: '单 read dān' },
  { record: '单志远', typed: '善志远', reason: 'homophone', distractors: ['善志', '单远'], note: '善 shàn' },
  { record: '单志远', typed: '丹志远', reason: 'homophone', distractors: ['丹志', '单远'], note: '丹 dān' },
  { record: '解学文', typed: 'xie xuewen', reason: 'pinyin', distractors: ['解学'], note: '解 xiè' },
  { record: '解学文', typed: 'jie xuewen', reason: 'pinyin', distractors: ['解学'], note: '解 read jiě' },
  { record: '仇立群', typed: 'qiu liqun', reason: 'pinyin', distractors: ['仇立'], note: '仇 qiú' },
  { record: '仇立群', typed: 'chou liqun', reason: 'pinyin', distractors: ['仇立'], note: '仇 read chóu' },
  { record: '查良栋', typed: 'zha liangdong', reason: 'pinyin', distractors: ['查良'], note: '查 zhā' },
  { record: '查良栋', typed: 'cha liangdong', reason: 'pinyin', distractors: ['查良'], note: '查 read chá' },
  { record: '朴成浩', typed: 'piao chenghao', reason: 'pinyin', distractors: ['朴成'], note: '朴 piáo' },
  { record: '区伟明', typed: 'ou weiming', reason: 'pinyin', distractors: ['区伟'], note: '区 ōu' },
  { record: '区伟明', typed: 'qu weiming', reason: 'pinyin', distractors: ['区伟'], note: '区 read qū' },
  { record: '缪振东', typed: 'miao zhendong', reason: 'pinyin', distractors: ['缪振'], note: '缪 miào' },
  { record: '尉迟德昌', typed: 'yuchi dechang', reason: 'pinyin', distractors: ['尉迟德'], note: '尉迟 yùchí' },
  { record: '尉迟德昌', typed: 'weichi dechang', reason: 'pinyin', distractors: ['尉迟德'], note: '尉迟 read wèichí' },
  // 形近字: a slip of the copying brush.
  { record: '崇德明', typed: '祟德明', reason: 'lookalike', distractors: ['祟德', '宗德明', '崇德'], note: '崇/祟' },
  { record: '刁子强', typed: '刀子强', reason: 'lookalike', distractors: ['刀子', '刁子', '刁强'], note: '刁/刀' },
  { record: '王晴川', typed: '王睛川', reason: 'lookalike', distractors: ['王睛', '王川', '汪晴'], note: '晴/睛' },
  { record: '张巳生', typed: '张已生', reason: 'lookalike', distractors: ['张已', '张生', '张己'], note: '巳/已' },
  { record: '刘戌生', typed: '刘戍生', reason: 'lookalike', distractors: ['刘戍', '刘生'], note: '戌/戍' },
  { record: '荀文彬', typed: '苟文彬', reason: 'lookalike', distractors: ['苟文', '荀文'], note: '荀/苟' },
  { record: '侯文清', typed: '候文清', reason: 'homophone', distractors: ['候文', '侯文'], note: '侯/候 also sound alike: the homophone reason wins' },
];

let server: TestServer;
const ids = new Map<string, string>();

before(async () => {
  server = await startTestServer();
  const { rows } = await server.db.query<{ id: string; name: string }>('SELECT id, name FROM martyrs');
  const existing = new Map(rows.map((r) => [r.name, r.id]));
  const blank: MartyrRecord = {
    name: '', sex: 'male', ethnicity: '汉族', nativePlace: null, birthDate: null, enlistmentDate: null, unit: null, post: null,
    deathDate: null, deathPlace: null, period: null, burial: null, photoUrl: null, biography: null, approval: null,
    seekingRelatives: false, sample: true,
  };
  const toPlace = [...new Set([...CASES.map((c) => c.record), ...FIRST.flatMap((c) => [c.record, ...c.distractors])])].filter((n) => !existing.has(n));
  await insertMartyrs(server.db, toPlace.map((name, i) => martyrRow(`t-var-${i}`, { ...blank, name })));
  for (const [i, name] of toPlace.entries()) ids.set(name, `t-var-${i}`);
  for (const c of CASES) if (!ids.has(c.record)) ids.set(c.record, existing.get(c.record)!);
  for (const c of FIRST) if (!ids.has(c.record)) ids.set(c.record, existing.get(c.record)!);
});
after(() => server.close());

describe('variant spellings from register errors', () => {
  it(`has at least 50 cases (${CASES.length})`, () => {
    assert.ok(CASES.length >= 50);
    assert.equal(new Set(CASES.map((c) => `${c.record}|${c.typed}`)).size, CASES.length);
  });

  it('finds the right martyr in the top 10 for at least 95% of them', async () => {
    const misses: string[] = [];
    for (const c of CASES) {
      const res = await call(server, 'GET', `/martyrs?limit=10&q=${encodeURIComponent(c.typed)}`);
      const page = MartyrSearchPage.parse(res.body);
      if (!page.items.some((m) => m.id === ids.get(c.record))) misses.push(`${c.kind}: ${c.typed} → ${c.record}`);
    }
    const rate = 1 - misses.length / CASES.length;
    assert.ok(rate >= 0.95, `found ${(rate * 100).toFixed(1)}%; missed: ${misses.join(', ')}`);
    assert.deepEqual(misses, [], 'in fact every case is found');
  });
});

describe('dialect, surname-reading and look-alike errors (issue 20)', () => {
  it(`covers every class with distractors (${FIRST.length} cases)`, () => {
    for (const note of ['an/ang', 'c/ch', 'l/n', 'z/zh', 's/sh', 'f/h', 'r/l', 'en/eng', 'in/ing', 'ian/iang', 'uan/uang']) {
      assert.ok(FIRST.some((c) => c.note === note), note);
    }
    for (const r of ['dialect', 'lookalike', 'pinyin'] as const) assert.ok(FIRST.filter((c) => c.reason === r).length >= 5, r);
    assert.ok(FIRST.every((c) => c.distractors.length > 0));
  });

  it('ranks the right record first, says why, and never before a stronger match', async () => {
    const wrong: string[] = [];
    for (const c of FIRST) {
      const res = await call(server, 'GET', `/martyrs?limit=20&q=${encodeURIComponent(c.typed)}`);
      const page = MartyrSearchPage.parse(res.body);
      const first = page.items[0];
      if (first?.id !== ids.get(c.record) || first?.match?.reason !== c.reason) {
        wrong.push(`${c.note}: ${c.typed} → ${first?.name ?? 'nothing'} (${first?.match?.reason}), wanted ${c.record} (${c.reason})`);
      }
      const scores = page.items.map((m) => m.match!.score);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), `${c.typed}: stronger reasons first`);
    }
    assert.deepEqual(wrong, []);
  });

  it('names the confused characters', async () => {
    const page = MartyrSearchPage.parse((await call(server, 'GET', `/martyrs?q=${encodeURIComponent('陈德胜')}`)).body);
    assert.deepEqual(page.items.find((m) => m.name === '岑德胜')?.match, { reason: 'dialect', score: 0.7, detail: '陈/岑' });
    const glyph = MartyrSearchPage.parse((await call(server, 'GET', `/martyrs?q=${encodeURIComponent('祟德明')}`)).body);
    assert.deepEqual(glyph.items[0]!.match, { reason: 'lookalike', score: 0.75, detail: '祟/崇' });
  });

  it('a lone surname does not bring its dialect or look-alike neighbours', async () => {
    for (const typed of ['李', '王', '陈']) {
      const page = MartyrSearchPage.parse((await call(server, 'GET', `/martyrs?limit=100&q=${encodeURIComponent(typed)}`)).body);
      assert.ok(page.items.every((m) => m.match?.reason !== 'dialect' && m.match?.reason !== 'lookalike'), typed);
      assert.ok(page.items.every((m) => nameKeys(m.name).simplified.startsWith(typed) || m.match?.reason === 'homophone'), typed);
    }
  });

  it('every match that may propose a family case keeps the family initial in the martyr\'s set', () => {
    for (const c of FIRST) {
      const m = compareNames(c.typed, c.record, { matchableOnly: true });
      if (m) assert.ok(martyrInitials(c.record).includes(queryInitial(c.typed)), `${c.typed} → ${c.record}`);
    }
  });
});
