/**
 * 籍贯 material for the sample roll: the 31 province-level divisions with real GB/T 2260 codes,
 * a few cities and counties whose codes were checked against published code tables, and old
 * place names as registers wrote them (no modern code: `code: null`).
 */

export interface Place {
  /** As the register writes it. */
  text: string;
  /** GB/T 2260 code, or null for an old name with no direct modern equivalent. */
  code: string | null;
}

export interface Province {
  code: string;
  name: string;
  /** Relative share of the sample roll (old revolutionary base areas weigh more). */
  weight: number;
  /** Modern cities and counties with their codes. */
  places: readonly Place[];
  /** Old names (pre-1950s provinces, renamed counties); always `code: null`. */
  oldNames: readonly string[];
  /** Ethnicities other than 汉族 to draw from, with their share in this province's records. */
  ethnicities: readonly (readonly [string, number])[];
}

const p = (text: string, code: string): Place => ({ text, code });

export const PROVINCES: readonly Province[] = [
  { code: '110000', name: '北京市', weight: 1, places: [p('北京市东城区', '110101')], oldNames: ['北平市'], ethnicities: [['回族', 0.05], ['满族', 0.05]] },
  { code: '120000', name: '天津市', weight: 1, places: [p('天津市蓟州区', '120119')], oldNames: ['河北省蓟县'], ethnicities: [['回族', 0.04]] },
  { code: '130000', name: '河北省', weight: 7, places: [p('河北省石家庄市', '130100'), p('河北省平山县', '130131')], oldNames: ['直隶省保定府'], ethnicities: [['满族', 0.05], ['回族', 0.03]] },
  { code: '140000', name: '山西省', weight: 4, places: [p('山西省太原市', '140100'), p('山西省武乡县', '140429')], oldNames: [], ethnicities: [] },
  { code: '150000', name: '内蒙古自治区', weight: 1, places: [p('内蒙古自治区呼和浩特市', '150100')], oldNames: ['绥远省归绥县'], ethnicities: [['蒙古族', 0.5]] },
  { code: '210000', name: '辽宁省', weight: 3, places: [p('辽宁省沈阳市', '210100'), p('辽宁省丹东市', '210600')], oldNames: ['奉天省安东县'], ethnicities: [['满族', 0.15], ['朝鲜族', 0.03]] },
  { code: '220000', name: '吉林省', weight: 2, places: [p('吉林省长春市', '220100'), p('吉林省延边朝鲜族自治州', '222400')], oldNames: [], ethnicities: [['朝鲜族', 0.3], ['满族', 0.05]] },
  { code: '230000', name: '黑龙江省', weight: 2, places: [p('黑龙江省哈尔滨市', '230100')], oldNames: ['松江省宾县'], ethnicities: [['满族', 0.08], ['朝鲜族', 0.05]] },
  { code: '310000', name: '上海市', weight: 1, places: [p('上海市黄浦区', '310101')], oldNames: [], ethnicities: [] },
  { code: '320000', name: '江苏省', weight: 4, places: [p('江苏省南京市', '320100'), p('江苏省盐城市', '320900')], oldNames: [], ethnicities: [['回族', 0.02]] },
  { code: '330000', name: '浙江省', weight: 3, places: [p('浙江省杭州市', '330100'), p('浙江省丽水市', '331100')], oldNames: [], ethnicities: [['畲族', 0.05]] },
  { code: '340000', name: '安徽省', weight: 4, places: [p('安徽省合肥市', '340100'), p('安徽省金寨县', '341524')], oldNames: ['安徽省立煌县'], ethnicities: [['回族', 0.02]] },
  { code: '350000', name: '福建省', weight: 4, places: [p('福建省福州市', '350100'), p('福建省龙岩市', '350800'), p('福建省长汀县', '350821')], oldNames: ['福建省汀州'], ethnicities: [['畲族', 0.05]] },
  {
    code: '360000',
    name: '江西省',
    weight: 10,
    places: [
      p('江西省南昌市', '360100'),
      p('江西省赣州市', '360700'),
      p('江西省瑞金市', '360781'),
      p('江西省于都县', '360731'),
      p('江西省兴国县', '360732'),
      p('江西省井冈山市', '360881'),
    ],
    oldNames: ['江西省雩都县', '江西省瑞金县'],
    ethnicities: [['畲族', 0.02]],
  },
  { code: '370000', name: '山东省', weight: 7, places: [p('山东省济南市', '370100'), p('山东省临沂市', '371300')], oldNames: ['山东省临沂县'], ethnicities: [['回族', 0.03]] },
  { code: '410000', name: '河南省', weight: 6, places: [p('河南省郑州市', '410100'), p('河南省新县', '411523')], oldNames: ['河南省经扶县'], ethnicities: [['回族', 0.04]] },
  { code: '420000', name: '湖北省', weight: 6, places: [p('湖北省武汉市', '420100'), p('湖北省红安县', '421122')], oldNames: ['湖北省黄安县'], ethnicities: [['土家族', 0.05]] },
  { code: '430000', name: '湖南省', weight: 6, places: [p('湖南省长沙市', '430100'), p('湖南省湘潭市', '430300'), p('湖南省浏阳市', '430181')], oldNames: ['湖南省浏阳县'], ethnicities: [['土家族', 0.1], ['苗族', 0.05]] },
  { code: '440000', name: '广东省', weight: 4, places: [p('广东省广州市', '440100'), p('广东省梅州市', '441400')], oldNames: ['广东省嘉应州'], ethnicities: [['瑶族', 0.02]] },
  { code: '450000', name: '广西壮族自治区', weight: 3, places: [p('广西壮族自治区南宁市', '450100'), p('广西壮族自治区百色市', '451000')], oldNames: ['广西省百色县'], ethnicities: [['壮族', 0.5], ['瑶族', 0.05]] },
  { code: '460000', name: '海南省', weight: 1, places: [p('海南省海口市', '460100')], oldNames: ['广东省琼山县'], ethnicities: [['黎族', 0.2]] },
  { code: '500000', name: '重庆市', weight: 3, places: [p('重庆市黔江区', '500114'), p('重庆市綦江区', '500110')], oldNames: ['四川省江北厅', '四川省綦江县', '四川省黔江县'], ethnicities: [['土家族', 0.2], ['苗族', 0.05]] },
  { code: '510000', name: '四川省', weight: 6, places: [p('四川省成都市', '510100'), p('四川省巴中市', '511900'), p('四川省仪陇县', '511324')], oldNames: ['西康省雅安县'], ethnicities: [['彝族', 0.05], ['藏族', 0.03]] },
  { code: '520000', name: '贵州省', weight: 2, places: [p('贵州省贵阳市', '520100'), p('贵州省遵义市', '520300')], oldNames: [], ethnicities: [['苗族', 0.2], ['布依族', 0.1]] },
  { code: '530000', name: '云南省', weight: 2, places: [p('云南省昆明市', '530100')], oldNames: [], ethnicities: [['彝族', 0.2], ['白族', 0.1]] },
  { code: '540000', name: '西藏自治区', weight: 1, places: [p('西藏自治区拉萨市', '540100')], oldNames: [], ethnicities: [['藏族', 0.9]] },
  { code: '610000', name: '陕西省', weight: 3, places: [p('陕西省西安市', '610100'), p('陕西省延安市', '610600')], oldNames: ['陕西省肤施县'], ethnicities: [['回族', 0.03]] },
  { code: '620000', name: '甘肃省', weight: 1, places: [p('甘肃省兰州市', '620100')], oldNames: [], ethnicities: [['回族', 0.15], ['东乡族', 0.05]] },
  { code: '630000', name: '青海省', weight: 1, places: [p('青海省西宁市', '630100')], oldNames: [], ethnicities: [['藏族', 0.3], ['回族', 0.15]] },
  { code: '640000', name: '宁夏回族自治区', weight: 1, places: [p('宁夏回族自治区银川市', '640100')], oldNames: ['宁夏省'], ethnicities: [['回族', 0.5]] },
  { code: '650000', name: '新疆维吾尔自治区', weight: 1, places: [p('新疆维吾尔自治区乌鲁木齐市', '650100')], oldNames: ['新疆省迪化市'], ethnicities: [['维吾尔族', 0.5], ['哈萨克族', 0.1], ['回族', 0.05]] },
];
