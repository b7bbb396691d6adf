/**
 * Every figure the seed articles publish, as the demo data reproduces it. Each one is a plain SQL query over
 * events, agreements and projects (projects counted once, planned investment summed once per project);
 * demo.test.ts runs those queries. Where an article gives only "over" or "nearly", the exact demo value
 * is chosen to fit it and `published` quotes the article.
 */
export const DEMO_AS_OF = '2025-12-31';

export interface SummitFigure {
  ordinal: number;
  nameZh: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  /** Projects signed at the summit and its parts (the expo ceremony, the Fujian conference). */
  projects: number;
  investmentYuan: number;
}

// biome-ignore format: a table reads best one row per line
const SUMMITS: readonly SummitFigure[] = [
  { ordinal: 1, nameZh: '首届数字中国建设峰会', nameEn: 'The 1st Digital China Summit', startsOn: '2018-04-22', endsOn: '2018-04-24', projects: 283, investmentYuan: 185_000_000_000 },
  { ordinal: 2, nameZh: '第二届数字中国建设峰会', nameEn: 'The 2nd Digital China Summit', startsOn: '2019-05-06', endsOn: '2019-05-08', projects: 341, investmentYuan: 243_000_000_000 },
  { ordinal: 3, nameZh: '第三届数字中国建设峰会', nameEn: 'The 3rd Digital China Summit', startsOn: '2020-10-12', endsOn: '2020-10-14', projects: 381, investmentYuan: 276_000_000_000 },
  { ordinal: 4, nameZh: '第四届数字中国建设峰会', nameEn: 'The 4th Digital China Summit', startsOn: '2021-04-25', endsOn: '2021-04-26', projects: 407, investmentYuan: 319_680_000_000 },
  { ordinal: 5, nameZh: '第五届数字中国建设峰会', nameEn: 'The 5th Digital China Summit', startsOn: '2022-07-23', endsOn: '2022-07-24', projects: 563, investmentYuan: 286_000_000_000 },
  { ordinal: 6, nameZh: '第六届数字中国建设峰会', nameEn: 'The 6th Digital China Summit', startsOn: '2023-04-27', endsOn: '2023-04-28', projects: 611, investmentYuan: 299_560_000_000 },
  { ordinal: 7, nameZh: '第七届数字中国建设峰会', nameEn: 'The 7th Digital China Summit', startsOn: '2024-05-24', endsOn: '2024-05-25', projects: 421, investmentYuan: 203_000_000_000 },
];

export const SEED_FIGURES = {
  asOf: DEMO_AS_OF,
  /** seeds/000: the expo signing ceremony, a part of the 5th summit. */
  fuzhouExpo2022: {
    eventNameZh: '第二届中国国际数字产品博览会签约仪式',
    date: '2022-07-24',
    regionCode: '350100',
    agreements: 28,
    agreementsByType: { strategic_cooperation: 13, regional_cooperation: 8, key_project_signing: 7 },
    projects: 28,
    investmentYuan: 324_000_000,
    published:
      '本届数博会共集中签约项目28项，总投资额3.24亿元……战略合作协议13项……区域合作项目8项，重点项目签约7项',
  },
  /** seeds/001 (four summits to 2022) and seeds/004 (six summits to 2024, and the 7th). */
  digitalChinaSummits: {
    summits: SUMMITS,
    firstFour: {
      ordinals: [1, 2, 3, 4],
      projects: 1_412,
      investmentYuan: 1_023_680_000_000,
      published: '四年来……促成1400多个数字项目签约落地，总投资超过1万亿元',
    },
    firstSix: {
      ordinals: [1, 2, 3, 4, 5, 6],
      projects: 2_586,
      investmentYuan: 1_609_240_000_000,
      published:
        'the first six summits have resulted in nearly 2,600 digital economy projects, with a total investment exceeding 1.6 trillion yuan',
    },
    seventh: {
      ordinal: 7,
      projects: 421,
      investmentYuan: 203_000_000_000,
      published:
        "This year's summit has attracted 421 key projects across the province, with a total investment of 203 billion yuan",
    },
  },
  /** seeds/002: Quanzhou's cloud signing; the main venue and the county branch venues are child events. */
  quanzhouCloudSigning2022: {
    eventNameZh: '泉州市2022年重大项目集中“云签约”活动',
    date: '2022-04-28',
    regionCode: '350500',
    projects: 380,
    investmentYuan: 301_680_000_000,
    mainVenue: {
      eventNameZh: '泉州市2022年重大项目集中“云签约”活动主会场',
      projects: 39,
      investmentYuan: 103_650_000_000,
      projectsOver5bnYuan: 6,
    },
    largest: { nameZh: '百宏化工新材料项目', investmentYuan: 13_800_000_000, regionCode: '350505001' },
    haijiaExpectedOutputYuan: 8_000_000_000,
    /** 泉州开发区's cloud negotiations: 零趣食品品牌运营总部 and 19 more, negotiating by the signing day and still. */
    developmentZoneNegotiating: { regionCode: '350503001', projects: 20 },
    published:
      '380个项目，总投资超3000亿元……39个总投资超千亿元的重大项目在活动主会场顺利签约。其中，总投资超50亿元的项目6个……百宏化工新材料项目，总投资138亿元',
  },
  /** seeds/003: the article announces the signings but gives no figures; these are the demo's own. */
  hebeiShenzhen2021: {
    eventNameZh: '2021冀深新一代信息技术产业对接会',
    date: '2021-09-06',
    regionCode: '130100',
    organizers: { organizer: 1, co_organizer: 3, host: 2 },
    agreements: 6,
    projects: 6,
    investmentYuan: 4_680_000_000,
  },
  /** seeds/004: the Fujian conference at the 7th summit. */
  fujianDigitalEconomy2024: {
    eventNameZh: '福建省数字经济合作创新发展大会',
    date: '2024-05-24',
    regionCode: '350000',
    projects: 50,
    investmentYuan: 31_900_000_000,
    byCategory: {
      digital_industry: { projects: 38, investmentYuan: 28_910_000_000 },
      digital_transformation: { projects: 6, investmentYuan: 1_120_000_000 },
      new_infrastructure: { projects: 4, investmentYuan: 1_450_000_000 },
      regional_hq: { projects: 2, investmentYuan: 420_000_000 },
    },
    /** 28,910,000,000 / 31,900,000,000 = 90.63%. */
    digitalIndustryShareMin: 0.9,
    projectsWithPrivateInvestor: 41,
    projectsWithForeignOrHmtInvestor: 2,
    soePartners: ['中国电信集团有限公司', '中国航空工业集团有限公司', '中国机械科学研究总院集团有限公司'],
    /** Promoted, not signed: source 'catalog', stage 'lead', first recorded on the conference day, in Fujian. */
    promotedProjects: 91,
    published:
      'a total of 50 key projects in the digital economy were inked, attracting a combined investment of 31.9 billion yuan … over 90% of the investment is allocated to digital industry projects … two initiatives involving foreign capital and companies from Hong Kong, Macao, and Taiwan, more than 80% of the projects have attracted private capital … a total of 91 key investment projects in the digital economy were promoted',
  },
} as const;
