import type { CampaignKind, CampaignTone, LocalizedText } from './campaign.js';

/**
 * What each kind of day is called and how it is spoken of, in the three locales: the single
 * source for the server (a campaign's `label` and `tone` unless its rule says otherwise) and for
 * the elements. `label` is the banner's small heading; `name` is the day itself.
 *
 * 国家公祭日 commemorates the victims (死难者) of the Nanjing Massacre: its wording mourns and never
 * says 缅怀英烈.
 */
export const CAMPAIGN_KIND_TEXT: Readonly<Record<CampaignKind, { tone: CampaignTone; label: LocalizedText; name: LocalizedText }>> = {
  qingming: {
    tone: 'honour',
    label: { 'zh-Hans': '缅怀英烈', 'zh-Hant': '緬懷英烈', en: 'Honouring the martyrs' },
    name: { 'zh-Hans': '清明祭英烈', 'zh-Hant': '清明祭英烈', en: 'Qingming tribute to the martyrs' },
  },
  'martyrs-day': {
    tone: 'honour',
    label: { 'zh-Hans': '缅怀英烈', 'zh-Hant': '緬懷英烈', en: 'Honouring the martyrs' },
    name: { 'zh-Hans': '烈士纪念日', 'zh-Hant': '烈士紀念日', en: "Martyrs' Day" },
  },
  'army-day': {
    tone: 'honour',
    label: { 'zh-Hans': '致敬人民军队', 'zh-Hant': '致敬人民軍隊', en: "Saluting the People's Army" },
    name: { 'zh-Hans': '建军节', 'zh-Hant': '建軍節', en: 'Army Day' },
  },
  'victory-day': {
    tone: 'remembrance',
    label: { 'zh-Hans': '铭记历史 缅怀先烈', 'zh-Hant': '銘記歷史 緬懷先烈', en: 'Remembering history and the fallen' },
    name: {
      'zh-Hans': '中国人民抗日战争胜利纪念日',
      'zh-Hant': '中國人民抗日戰爭勝利紀念日',
      en: "Victory Day of the Chinese People's War of Resistance",
    },
  },
  'memorial-day': {
    tone: 'mourning',
    label: { 'zh-Hans': '悼念死难同胞', 'zh-Hant': '悼念死難同胞', en: 'Mourning the victims' },
    name: { 'zh-Hans': '南京大屠杀死难者国家公祭日', 'zh-Hant': '南京大屠殺死難者國家公祭日', en: 'National Memorial Day for the Nanjing Massacre Victims' },
  },
  other: {
    tone: 'remembrance',
    label: { 'zh-Hans': '铭记历史', 'zh-Hant': '銘記歷史', en: 'In remembrance' },
    name: { 'zh-Hans': '纪念活动', 'zh-Hant': '紀念活動', en: 'Commemoration' },
  },
};
