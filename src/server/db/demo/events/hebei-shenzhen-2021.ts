// seeds/003: the 2021 Hebei–Shenzhen new-generation IT matchmaking conference in Shijiazhuang, and what came before it.
import { SEED_FIGURES } from '../figures.ts';
import {
  addAgreement,
  addEvent,
  addProject,
  type DemoData,
  type EventDraft,
  org,
  type ProjectDraft,
  yuan,
} from '../model.ts';
import type { OrgPools } from '../organizations/index.ts';
import { addGeneratedProject, pickInvestors } from '../projects/factory.ts';
import { DIGITAL_INDUSTRY } from '../projects/themes.ts';
import { signedTimeline, TYPICAL_SIGNED, unsignedTimeline } from '../projects/timeline.ts';
import { type Random, streamFor } from '../random.ts';

const YI = 100_000_000;
const HI_TECH_ZONE = '130102001';
const XIONGAN = '130629001';

interface HebeiSigning {
  zh: string;
  en: string;
  investor: string;
  partner?: string;
  localParty: string;
  site: string;
  industry: string;
  /** 万元 */
  wan: number;
}

/** The conference's signings (demo figures: the article announces signings but not their amounts). */
// biome-ignore format: a table reads best one row per line
const SIGNINGS: HebeiSigning[] = [
  { zh: '国民技术安全芯片华北研发生产基地项目', en: 'Nations Technologies Security Chip North China Base Project', investor: '国民技术股份有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: HI_TECH_ZONE, industry: '6520', wan: 120_000 },
  { zh: '金证科技雄安金融科技研发中心项目', en: "Kingdom Xiong'an Fintech R&D Centre Project", investor: '深圳市金证科技股份有限公司', localParty: '雄安新区管理委员会', site: XIONGAN, industry: '6513', wan: 65_000 },
  { zh: '摩比5G天线及射频器件生产基地项目', en: 'MOBI 5G Antenna and RF Components Base Project', investor: '摩比天线技术（深圳）有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: '130110', industry: '3921', wan: 88_000 },
  { zh: '盛威智慧园区物联网平台项目', en: 'Shengwei Smart Park IoT Platform Project', investor: '深圳市盛威信息技术有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: HI_TECH_ZONE, industry: '6532', wan: 35_000 },
  { zh: '冀深服务机器人联合研发项目', en: 'Hebei–Shenzhen Service Robot Joint R&D Project', investor: '河北盛世天成信息技术有限公司', partner: '深圳市电子商会', localParty: '石家庄高新技术产业开发区管理委员会', site: HI_TECH_ZONE, industry: '3964', wan: 60_000 },
  { zh: '金蝶云河北数字化服务中心项目', en: 'Kingdee Cloud Hebei Digital Services Centre Project', investor: '金蝶软件（中国）有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: '130104', industry: '6513', wan: 100_000 },
];

function addEvents(data: DemoData): EventDraft {
  const figures = SEED_FIGURES.hebeiShenzhen2021;
  const expo = addEvent(data, {
    parentId: null,
    kind: 'expo',
    nameZh: '2021中国国际数字经济博览会',
    nameEn: '2021 China International Digital Economy Expo',
    regionCode: '130100',
    startsOn: '2021-09-06',
    endsOn: '2021-09-08',
    venueZh: '石家庄',
    venueEn: 'Shijiazhuang',
    isOnline: false,
    roles: [{ organizationId: org(data, '中国国际数字经济博览会组委会').id, role: 'organizer' }],
  });
  const role = (name: string, r: 'organizer' | 'co_organizer' | 'host') => ({
    organizationId: org(data, name).id,
    role: r,
  });
  return addEvent(data, {
    parentId: expo.id,
    kind: 'matchmaking',
    nameZh: figures.eventNameZh,
    nameEn: '2021 Hebei–Shenzhen New-generation IT Industry Matchmaking Conference',
    regionCode: figures.regionCode,
    startsOn: figures.date,
    endsOn: figures.date,
    venueZh: '石家庄',
    venueEn: 'Shijiazhuang',
    isOnline: false,
    roles: [
      role('中国国际数字经济博览会组委会', 'organizer'),
      role('河北省工业和信息化厅', 'co_organizer'),
      role('深圳市乡村振兴和协作交流局', 'co_organizer'),
      role('深圳市工业和信息化局', 'co_organizer'),
      role('深圳市电子商会', 'host'),
      role('河北省信息产业与信息化协会', 'host'),
    ],
  });
}

function addSigning(
  data: DemoData,
  random: Random,
  event: EventDraft | null,
  signing: HebeiSigning,
  signedOn: string,
): ProjectDraft {
  const investors = [
    { organizationId: org(data, signing.investor).id, role: 'lead_investor' as const },
    ...(signing.partner ? [{ organizationId: org(data, signing.partner).id, role: 'partner' as const }] : []),
  ];
  const project = addProject(data, {
    nationalCode: null,
    nameZh: signing.zh,
    nameEn: signing.en,
    descriptionZh: null,
    descriptionEn: null,
    regionCode: signing.site,
    industryCode: signing.industry,
    categoryCode: 'digital_industry',
    investment: yuan(signing.wan * 10_000),
    expectedOutputYuan: null,
    source: event ? 'event' : 'referral',
    isKey: signing.wan >= 100_000,
    isMajor: signing.wan >= 100_000,
    timeline: signedTimeline(
      random,
      signedOn,
      data.context.asOf,
      TYPICAL_SIGNED,
      event ? '冀深产业对接会签约' : null,
    ),
    investors,
  });
  addAgreement(data, {
    eventId: event?.id ?? null,
    typeCode: 'investment_contract',
    titleZh: `${signing.zh.replace(/项目$/, '')}项目投资合同`,
    titleEn: `Investment contract: ${signing.en}`,
    amountYuan: project.investment.yuan,
    status: 'completed',
    signedOn,
    regionCode: '130100',
    partyIds: [org(data, signing.localParty).id, ...investors.map((i) => i.organizationId)],
    projectIds: [project.id],
  });
  return project;
}

/** Shenzhen firms that landed in Hebei after the 2018 framework agreement (华为, 金蝶, 金证, 盛威, 摩比, 国民技术). */
// biome-ignore format: a table reads best one row per line
const EARLIER: (HebeiSigning & { signedOn: string })[] = [
  { zh: '华为河北鲲鹏生态创新中心项目', en: 'Huawei Hebei Kunpeng Ecosystem Innovation Centre Project', investor: '华为技术有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: HI_TECH_ZONE, industry: '6511', wan: 150_000, signedOn: '2019-09-06' },
  { zh: '金蝶河北区域软件服务基地项目', en: 'Kingdee Hebei Software Services Base Project', investor: '金蝶软件（中国）有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: HI_TECH_ZONE, industry: '6513', wan: 30_000, signedOn: '2019-11-12' },
  { zh: '金证雄安数字金融服务平台项目', en: "Kingdom Xiong'an Digital Finance Platform Project", investor: '深圳市金证科技股份有限公司', localParty: '雄安新区管理委员会', site: XIONGAN, industry: '6531', wan: 20_000, signedOn: '2020-06-18' },
  { zh: '盛威石家庄智慧城市运营中心项目', en: 'Shengwei Shijiazhuang Smart City Operation Centre Project', investor: '深圳市盛威信息技术有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: '130108', industry: '6531', wan: 18_000, signedOn: '2020-03-26' },
  { zh: '摩比通信天线石家庄生产线项目', en: 'MOBI Communication Antenna Shijiazhuang Line Project', investor: '摩比天线技术（深圳）有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: '130110', industry: '3921', wan: 42_000, signedOn: '2019-07-30' },
  { zh: '国民技术河北物联网芯片应用中心项目', en: 'Nations Technologies Hebei IoT Chip Application Centre Project', investor: '国民技术股份有限公司', localParty: '石家庄高新技术产业开发区管理委员会', site: HI_TECH_ZONE, industry: '6520', wan: 25_000, signedOn: '2020-09-08' },
];

/** Park promotions (河北园区推介) at the conference: catalog projects still looking for investors. */
// biome-ignore format: a table reads best one row per line
const PROMOTED: [zh: string, en: string, site: string, industry: string, yi: number][] = [
  ['石家庄高新区新一代信息技术产业园招商项目', 'Shijiazhuang Hi-tech Zone New-generation IT Park', HI_TECH_ZONE, '7221', 20],
  ['石家庄高新区集成电路封测基地招商项目', 'Shijiazhuang Hi-tech Zone IC Packaging and Test Base', HI_TECH_ZONE, '3973', 35],
  ['雄安新区数字孪生城市应用招商项目', "Xiong'an Digital Twin City Applications", XIONGAN, '6531', 12],
  ['鹿泉区卫星导航产业园招商项目', 'Luquan Satellite Navigation Industrial Park', '130110', '4023', 8],
  ['正定数字经济产业园招商项目', 'Zhengding Digital Economy Industrial Park', '130123', '7221', 15],
];

export function buildHebeiShenzhen2021(data: DemoData, pools: OrgPools): EventDraft {
  const random = streamFor(data.context.seed, 'hebei-2021');
  addAgreement(data, {
    eventId: null,
    typeCode: 'framework_agreement',
    titleZh: '河北省人民政府 深圳市人民政府进一步深化全面战略合作框架协议',
    titleEn:
      'Framework agreement on deepening comprehensive strategic cooperation: Hebei Provincial Government – Shenzhen Municipal Government',
    amountYuan: null,
    status: 'completed',
    signedOn: '2018-11-15',
    regionCode: '130100',
    partyIds: [org(data, '河北省人民政府').id, org(data, '深圳市人民政府').id],
    projectIds: [],
  });
  for (const earlier of EARLIER) addSigning(data, random, null, earlier, earlier.signedOn);
  const event = addEvents(data);
  for (const signing of SIGNINGS)
    addSigning(data, random, event, signing, SEED_FIGURES.hebeiShenzhen2021.date);
  for (const [zh, en, site, industry, yi] of PROMOTED) {
    addProject(data, {
      nationalCode: null,
      nameZh: zh,
      nameEn: `${en} Project`,
      descriptionZh: '2021冀深新一代信息技术产业对接会河北园区推介项目',
      descriptionEn: 'Promoted at the 2021 Hebei–Shenzhen matchmaking conference',
      regionCode: site,
      industryCode: industry,
      categoryCode: 'digital_industry',
      investment: yuan(yi * YI, 'about'),
      expectedOutputYuan: null,
      source: 'catalog',
      isKey: false,
      isMajor: yi >= 10,
      timeline: unsignedTimeline(random, 'lead', SEED_FIGURES.hebeiShenzhen2021.date, data.context.asOf),
      investors: [],
    });
  }
  // Shijiazhuang's own pipeline around the conference: leads and talks with more Shenzhen and Beijing firms.
  for (let i = 0; i < 14; i++) {
    const target = random.weighted<'lead' | 'negotiating' | 'dropped'>([
      ['lead', 5],
      ['negotiating', 6],
      ['dropped', 2],
    ]);
    addGeneratedProject(data, random, {
      site: random.pick([HI_TECH_ZONE, '130104', '130105', '130108', '130110', '130123', XIONGAN]),
      theme: random.pick(DIGITAL_INDUSTRY),
      investors: pickInvestors(random, pools, { private: 85, hmt: 5, central_soe: 10 }, false),
      investment: yuan(random.int(30, 1500) * 1_000_000),
      timeline: unsignedTimeline(
        random,
        target,
        `2025-${String(random.int(1, 11)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        data.context.asOf,
      ),
      source: random.pick(['referral', 'cloud_negotiation', 'other'] as const),
      isKey: false,
    });
  }
  return event;
}
