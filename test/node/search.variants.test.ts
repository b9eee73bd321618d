import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MartyrSearchPage } from '../../src/contract/index.js';
import { insertMartyrs, martyrRow, type MartyrRecord } from '../../server/martyr-store.js';
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
  const toPlace = [...new Set(CASES.map((c) => c.record))].filter((n) => !existing.has(n));
  await insertMartyrs(server.db, toPlace.map((name, i) => martyrRow(`t-var-${i}`, { ...blank, name })));
  for (const [i, name] of toPlace.entries()) ids.set(name, `t-var-${i}`);
  for (const c of CASES) if (!ids.has(c.record)) ids.set(c.record, existing.get(c.record)!);
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
