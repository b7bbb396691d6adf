// seeds/004: Fujian Digital Economy Cooperation and Innovative Development Conference, 2024-05-24:
// 50 projects signed for 319亿元 (90.6% digital industry, 41 with private capital, 2 foreign/HMT) and 91 promoted.
import { SEED_FIGURES } from '../figures.ts';
import {
  addEvent,
  addProject,
  type CategoryCode,
  type DemoData,
  type EventDraft,
  type Investment,
  type InvestorRole,
  type OrgDraft,
  org,
  usd,
  yuan,
} from '../model.ts';
import type { OrgPools } from '../organizations/index.ts';
import {
  cityOf,
  expectedOutput,
  FUJIAN_CITY_WEIGHTS,
  pickSite,
  signProject,
  titleOf,
} from '../projects/factory.ts';
import {
  DIGITAL_INDUSTRY,
  DIGITAL_TRANSFORMATION,
  NEW_INFRASTRUCTURE,
  REGIONAL_HQ,
  type Theme,
} from '../projects/themes.ts';
import { signedTimeline, TYPICAL_SIGNED, unsignedTimeline } from '../projects/timeline.ts';
import { type Random, splitAmount, streamFor } from '../random.ts';
import { USD_RATES } from './digital-china-summits.ts';

const FIGURES = SEED_FIGURES.fujianDigitalEconomy2024;

interface Slot {
  category: CategoryCode;
  investors: [OrgDraft, InvestorRole][];
  theme: Theme;
  /** A fixed title (named partners); otherwise investor + theme. */
  title?: { zh: string; en: string };
  site?: string;
  dollars?: number;
}

function named(theme: Theme, zh: string, en: string): Pick<Slot, 'theme' | 'title'> {
  return { theme, title: { zh, en } };
}

function themeOf(industry: string, category: CategoryCode, zh: string, en: string): Theme {
  return { industry, category, zh, en, isManufacturing: false };
}

/** Who signs what: the named SOE and private partners, then generated private firms to make 41 of 50. */
function slots(data: DemoData, pools: OrgPools, random: Random): Slot[] {
  const lead = (name: string): [OrgDraft, InvestorRole] => [org(data, name), 'lead_investor'];
  const telecom = org(data, '中国电信集团有限公司');
  const privatePool = pools.private.filter(
    (o) =>
      ![
        '北京百度网讯科技有限公司',
        '上海商汤智能科技有限公司',
        '浙江大华技术股份有限公司',
        '软通动力信息技术（集团）股份有限公司',
      ].includes(o.nameZh),
  );
  const privateFirms = random.shuffle(privatePool);
  let next = 0;
  const privateSlot = (category: CategoryCode, themes: Theme[]): Slot => {
    const firm = privateFirms[next++ % privateFirms.length] as OrgDraft;
    const investors: [OrgDraft, InvestorRole][] = [[firm, 'lead_investor']];
    // State-owned partners join some private projects; they never make a project foreign or HMT.
    if (random.chance(0.15)) investors.push([random.pick([...pools.local_soe, telecom]), 'partner']);
    return { category, investors, theme: random.pick(themes) };
  };
  const out: Slot[] = [
    {
      category: 'digital_industry',
      investors: [lead('北京百度网讯科技有限公司')],
      ...named(
        themeOf('6513', 'digital_industry', '', ''),
        '百度（福州）人工智能创新中心项目',
        'Baidu (Fuzhou) AI Innovation Centre Project',
      ),
      site: '350121001',
    },
    {
      category: 'digital_industry',
      investors: [lead('上海商汤智能科技有限公司')],
      ...named(
        themeOf('6513', 'digital_industry', '', ''),
        '商汤人工智能产业赋能中心项目',
        'SenseTime AI Industry Enablement Centre Project',
      ),
      site: '350206001',
    },
    {
      category: 'digital_industry',
      investors: [lead('浙江大华技术股份有限公司')],
      ...named(
        themeOf('3939', 'digital_industry', '', ''),
        '大华智慧物联产业基地项目',
        'Dahua Smart IoT Industrial Base Project',
      ),
      site: '350503001',
    },
    {
      category: 'digital_industry',
      investors: [lead('软通动力信息技术（集团）股份有限公司')],
      ...named(
        themeOf('6531', 'digital_industry', '', ''),
        '软通动力福建数字化服务基地项目',
        'iSoftStone Fujian Digital Services Base Project',
      ),
      site: '350102',
    },
    {
      category: 'digital_industry',
      investors: [lead('中国航空工业集团有限公司')],
      ...named(
        themeOf('3940', 'digital_industry', '', ''),
        '中航工业航空电子福建产业化项目',
        'AVIC Avionics Fujian Industrialization Project',
      ),
      site: '350105001',
    },
    {
      category: 'digital_industry',
      investors: [lead('福建省电子信息（集团）有限责任公司')],
      ...named(
        themeOf('3911', 'digital_industry', '', ''),
        '福建电子信息集团信创产业基地项目',
        'Fujian Electronics Group Domestic IT Industrial Base Project',
      ),
      site: '350121001',
    },
    {
      category: 'digital_industry',
      investors: [lead('福建省投资开发集团有限责任公司')],
      ...named(
        themeOf('3973', 'digital_industry', '', ''),
        '福建投资集团集成电路特色工艺产线项目',
        'Fujian Investment Group Specialty IC Process Line Project',
      ),
      site: '350206001',
    },
    {
      category: 'digital_industry',
      investors: [[random.pick(pools.foreign), 'lead_investor']],
      theme: random.pick(DIGITAL_INDUSTRY),
      dollars: 50_000_000,
    },
    {
      category: 'digital_industry',
      investors: [[random.pick(pools.hmt), 'lead_investor']],
      theme: random.pick(DIGITAL_INDUSTRY),
    },
    {
      category: 'digital_transformation',
      investors: [lead('中国机械科学研究总院集团有限公司')],
      ...named(
        themeOf('6560', 'digital_transformation', '', ''),
        '中国机械总院智能制造数字化转型服务平台项目',
        'CAM Smart Manufacturing Transformation Platform Project',
      ),
      site: '350181',
    },
    {
      category: 'new_infrastructure',
      investors: [[telecom, 'lead_investor']],
      ...named(
        themeOf('6550', 'new_infrastructure', '', ''),
        '中国电信福建智算中心项目',
        'China Telecom Fujian Intelligent Computing Centre Project',
      ),
      site: '350112',
    },
    {
      category: 'new_infrastructure',
      investors: [[telecom, 'lead_investor']],
      ...named(
        themeOf('6312', 'new_infrastructure', '', ''),
        '中国电信5G+工业互联网专网建设项目',
        'China Telecom 5G Industrial Internet Private Network Project',
      ),
      site: '350582',
    },
    {
      category: 'new_infrastructure',
      investors: [lead('福建省电子信息（集团）有限责任公司')],
      ...named(
        themeOf('6550', 'new_infrastructure', '', ''),
        '福建电子信息集团政务云数据中心项目',
        'Fujian Electronics Group Government Cloud Data Centre Project',
      ),
      site: '350112',
    },
  ];
  const counts = FIGURES.byCategory;
  const add = (category: CategoryCode, themes: Theme[], total: number) => {
    const have = out.filter((s) => s.category === category).length;
    for (let i = have; i < total; i++) out.push(privateSlot(category, themes));
  };
  add('digital_industry', DIGITAL_INDUSTRY, counts.digital_industry.projects);
  add('digital_transformation', DIGITAL_TRANSFORMATION, counts.digital_transformation.projects);
  add('new_infrastructure', NEW_INFRASTRUCTURE, counts.new_infrastructure.projects);
  add('regional_hq', REGIONAL_HQ, counts.regional_hq.projects);
  return out;
}

const RANGES: Record<Exclude<CategoryCode, 'other'>, { min: number; max: number }> = {
  digital_industry: { min: 50_000_000, max: 4_000_000_000 },
  digital_transformation: { min: 50_000_000, max: 500_000_000 },
  new_infrastructure: { min: 100_000_000, max: 600_000_000 },
  regional_hq: { min: 100_000_000, max: 320_000_000 },
};

/** Each category's exact total, shared among its slots (a dollar contract's yuan is fixed by its rate). */
function investments(random: Random, all: Slot[]): Map<Slot, Investment> {
  const rate = USD_RATES[2024] ?? '7.1000';
  const out = new Map<Slot, Investment>();
  for (const [category, figure] of Object.entries(FIGURES.byCategory) as [
    Exclude<CategoryCode, 'other'>,
    { projects: number; investmentYuan: number },
  ][]) {
    const members = all.filter((s) => s.category === category);
    let rest = figure.investmentYuan;
    for (const slot of members) {
      if (slot.dollars === undefined) continue;
      const investment = usd(slot.dollars, rate);
      out.set(slot, investment);
      rest -= investment.yuan;
    }
    const open = members.filter((s) => s.dollars === undefined);
    const amounts = splitAmount(random, rest, open.length, {
      unit: 1_000_000,
      ...RANGES[category],
      spread: 0.9,
    });
    for (const [i, slot] of open.entries()) out.set(slot, yuan(amounts[i] ?? 0));
  }
  return out;
}

function addConference(data: DemoData, summit: EventDraft): EventDraft {
  return addEvent(data, {
    parentId: summit.id,
    kind: 'signing_ceremony',
    nameZh: FIGURES.eventNameZh,
    nameEn: 'Fujian Provincial Digital Economy Cooperation and Innovative Development Conference',
    regionCode: FIGURES.regionCode,
    startsOn: FIGURES.date,
    endsOn: FIGURES.date,
    venueZh: '福州海峡国际会展中心',
    venueEn: 'Fuzhou Strait International Conference & Exhibition Center',
    isOnline: false,
    roles: [
      { organizationId: org(data, '数字中国建设峰会组委会').id, role: 'organizer' },
      { organizationId: org(data, '福建省发展和改革委员会').id, role: 'co_organizer' },
      { organizationId: org(data, '福建省数据管理局').id, role: 'co_organizer' },
    ],
  });
}

/** The 91 projects promoted to investors: catalog leads in electronics, software, big data and AI, and parks. */
function addPromoted(data: DemoData, random: Random): void {
  const themes: Theme[] = [
    ...DIGITAL_INDUSTRY,
    themeOf('7221', 'digital_industry', '数字经济产业园', 'Digital Economy Industrial Park'),
    themeOf('6513', 'digital_industry', '人工智能应用场景开放', 'AI Application Scenarios'),
    themeOf('6450', 'digital_industry', '公共数据资源开发利用', 'Public Data Resource Development'),
  ];
  for (let i = 0; i < FIGURES.promotedProjects; i++) {
    const site = pickSite(data, random, random.weighted(FUJIAN_CITY_WEIGHTS));
    const theme = random.pick(themes);
    const region = data.context.regions.get(site);
    const city = data.context.regions.get(cityOf(site));
    const placeZh = region?.nameZh ?? '';
    const placeEn = region?.nameEn ?? city?.nameEn ?? 'Fujian';
    const amount = random.int(10, 500) * 10_000_000;
    addProject(data, {
      nationalCode: null,
      nameZh: `${placeZh}${theme.zh}招商项目`,
      nameEn: `${placeEn} ${theme.en} Investment Opportunity`,
      descriptionZh: `${FIGURES.eventNameZh}推介的数字经济重点招商项目，欢迎国内外客商投资合作。`,
      descriptionEn:
        'A key digital-economy project promoted at the 2024 Fujian conference; domestic and foreign investors are welcome.',
      regionCode: site,
      industryCode: theme.industry,
      categoryCode: 'digital_industry',
      investment: yuan(amount, 'about'),
      expectedOutputYuan: null,
      source: 'catalog',
      isKey: true,
      isMajor: amount >= 1_000_000_000,
      timeline: unsignedTimeline(random, 'lead', FIGURES.date, data.context.asOf),
      investors: [],
    });
  }
}

export function buildFujianDigitalEconomy2024(
  data: DemoData,
  pools: OrgPools,
  summit: EventDraft,
): EventDraft {
  const random = streamFor(data.context.seed, 'fujian-2024');
  const event = addConference(data, summit);
  const all = slots(data, pools, random);
  const amounts = investments(random, all);
  for (const slot of all) {
    const [first] = slot.investors;
    const investment = amounts.get(slot);
    if (!first || !investment) throw new Error('demo: a 2024 conference slot has no investor or amount');
    const title = slot.title ?? titleOf(first[0], slot.theme);
    const site = slot.site ?? pickSite(data, random, random.weighted(FUJIAN_CITY_WEIGHTS));
    const project = addProject(data, {
      nationalCode: null,
      nameZh: title.zh,
      nameEn: title.en,
      descriptionZh: null,
      descriptionEn: null,
      regionCode: site,
      industryCode: slot.theme.industry,
      categoryCode: slot.category,
      investment,
      expectedOutputYuan: expectedOutput(random, slot.theme, investment.yuan),
      source: 'event',
      isKey: true,
      isMajor: investment.yuan >= 1_000_000_000,
      timeline: signedTimeline(
        random,
        FIGURES.date,
        data.context.asOf,
        TYPICAL_SIGNED,
        `${FIGURES.eventNameZh}签约`,
      ),
      investors: slot.investors.map(([o, role]) => ({ organizationId: o.id, role })),
    });
    const isSoeLed = first[0].type === 'central_soe' || first[0].type === 'local_soe';
    signProject(data, project, {
      eventId: event.id,
      typeCode: isSoeLed ? 'strategic_cooperation' : 'investment_contract',
      localParty: pools.cityGovernment.get(cityOf(site)) ?? null,
    });
  }
  addPromoted(data, random);
  return event;
}
