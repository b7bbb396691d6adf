// seeds/002: Quanzhou's 2022 cloud signing (380 projects, 3016.8亿元; 39 at the main venue) and its cloud negotiations.

import { addDays } from '../dates.ts';
import { SEED_FIGURES } from '../figures.ts';
import {
  addEvent,
  addProject,
  type DemoData,
  type EventDraft,
  org,
  type StageStep,
  type Timeline,
  yuan,
} from '../model.ts';
import type { OrgPools } from '../organizations/index.ts';
import {
  addGeneratedProject,
  CITY_MIX,
  investorsForTheme,
  pickInvestors,
  signProject,
} from '../projects/factory.ts';
import {
  DIGITAL_INDUSTRY,
  DIGITAL_TRANSFORMATION,
  NEW_INFRASTRUCTURE,
  OTHER,
  type Theme,
} from '../projects/themes.ts';
import { NO_DROP, negotiatingTimeline, signedTimeline, TYPICAL_SIGNED } from '../projects/timeline.ts';
import { type Random, splitAmount, streamFor } from '../random.ts';
import { BRANCH_VENUES, governmentFor, MAIN_VENUE_NAMED } from './quanzhou-projects.ts';

const YI = 100_000_000;

function pickTheme(random: Random): Theme {
  return random.pick(
    random.weighted<Theme[]>([
      [OTHER, 45],
      [DIGITAL_INDUSTRY, 30],
      [DIGITAL_TRANSFORMATION, 20],
      [NEW_INFRASTRUCTURE, 5],
    ]),
  );
}

function addEvents(data: DemoData) {
  const figures = SEED_FIGURES.quanzhouCloudSigning2022;
  const base = {
    kind: 'signing_ceremony' as const,
    startsOn: figures.date,
    endsOn: figures.date,
  };
  const parent = addEvent(data, {
    ...base,
    parentId: null,
    nameZh: figures.eventNameZh,
    nameEn: 'Quanzhou 2022 Major Projects Cloud Signing',
    regionCode: figures.regionCode,
    venueZh: '线上（云签约）',
    venueEn: 'Online (cloud signing)',
    isOnline: true,
    roles: [
      { organizationId: org(data, '泉州市人民政府').id, role: 'organizer' },
      { organizationId: org(data, '泉州市招商办公室').id, role: 'host' },
    ],
  });
  const main = addEvent(data, {
    ...base,
    parentId: parent.id,
    nameZh: figures.mainVenue.eventNameZh,
    nameEn: 'Quanzhou 2022 Major Projects Cloud Signing — Main Venue',
    regionCode: figures.regionCode,
    venueZh: '泉州市主会场',
    venueEn: 'Main venue, Quanzhou',
    isOnline: false,
    roles: [{ organizationId: org(data, '泉州市招商办公室').id, role: 'host' }],
  });
  const branches = BRANCH_VENUES.map((venue) => ({
    venue,
    event: addEvent(data, {
      ...base,
      parentId: parent.id,
      nameZh: `${figures.eventNameZh}${venue.nameZh}分会场`,
      nameEn: `Quanzhou 2022 Major Projects Cloud Signing — ${venue.nameEn} Branch Venue`,
      regionCode: venue.regionCode,
      venueZh: `${venue.nameZh}分会场（线上）`,
      venueEn: `${venue.nameEn} branch venue (online)`,
      isOnline: true,
      roles: [{ organizationId: org(data, venue.government).id, role: 'host' as const }],
    }),
  }));
  return { parent, main, branches };
}

function addMainVenue(data: DemoData, pools: OrgPools, random: Random, main: EventDraft): void {
  const figures = SEED_FIGURES.quanzhouCloudSigning2022;
  const signNote = `${figures.eventNameZh}主会场签约`;
  for (const named of MAIN_VENUE_NAMED) {
    const project = addProject(data, {
      nationalCode: null,
      nameZh: named.zh,
      nameEn: named.en,
      descriptionZh: named.descriptionZh,
      descriptionEn: named.descriptionEn,
      regionCode: named.site,
      industryCode: named.industry,
      categoryCode: named.category,
      investment: yuan(named.yi * YI),
      expectedOutputYuan: named.outputYi === undefined ? null : named.outputYi * YI,
      source: 'event',
      isKey: true,
      isMajor: named.yi >= 10,
      timeline: signedTimeline(random, figures.date, data.context.asOf, NO_DROP, signNote),
      investors: named.investors.map(([name, role]) => ({ organizationId: org(data, name).id, role })),
    });
    signProject(data, project, {
      eventId: main.id,
      typeCode: 'investment_contract',
      localParty: org(data, governmentFor(named.site)),
    });
  }
  const namedYuan = MAIN_VENUE_NAMED.reduce((sum, p) => sum + p.yi * YI, 0);
  const count = figures.mainVenue.projects - MAIN_VENUE_NAMED.length;
  // The rest of the main venue stays under 50亿元, so exactly six projects exceed it.
  const amounts = splitAmount(random, figures.mainVenue.investmentYuan - namedYuan, count, {
    unit: 1_000_000,
    min: 5 * YI,
    max: 45 * YI,
    spread: 0.6,
  });
  for (const amount of amounts) addSigned(data, pools, random, main, amount, signNote);
}

function addSigned(
  data: DemoData,
  pools: OrgPools,
  random: Random,
  event: EventDraft,
  amount: number,
  signNote: string,
  sites?: string[],
): void {
  const venue = sites ? null : random.weighted(BRANCH_VENUES.map((v) => [v, v.weight] as const));
  const site = random.pick(sites ?? venue?.sites ?? ['350503']);
  const theme = pickTheme(random);
  const project = addGeneratedProject(data, random, {
    site,
    theme,
    investors: investorsForTheme(random, pools, theme, pickInvestors(random, pools, CITY_MIX)),
    investment: yuan(amount),
    timeline: signedTimeline(
      random,
      SEED_FIGURES.quanzhouCloudSigning2022.date,
      data.context.asOf,
      TYPICAL_SIGNED,
      signNote,
    ),
    source: 'event',
    isKey: amount >= 10 * YI,
  });
  signProject(data, project, {
    eventId: event.id,
    typeCode: 'investment_contract',
    localParty: org(data, governmentFor(site)),
  });
}

function addBranchVenues(
  data: DemoData,
  pools: OrgPools,
  random: Random,
  branches: ReturnType<typeof addEvents>['branches'],
): void {
  const figures = SEED_FIGURES.quanzhouCloudSigning2022;
  const count = figures.projects - figures.mainVenue.projects;
  const amounts = splitAmount(random, figures.investmentYuan - figures.mainVenue.investmentYuan, count, {
    unit: 1_000_000,
    min: 30_000_000,
    max: 40 * YI,
    spread: 1.0,
  });
  for (const amount of amounts) {
    const { venue, event } = random.weighted(branches.map((b) => [b, b.venue.weight] as const));
    addSigned(
      data,
      pools,
      random,
      event,
      amount,
      `${figures.eventNameZh}${venue.nameZh}分会场签约`,
      venue.sites,
    );
  }
}

/** 云洽谈: the development zone's 20 projects in talks, Dehua's intentions, and partners still being worked on. */
function addCloudNegotiations(data: DemoData, pools: OrgPools, random: Random): void {
  const zone = SEED_FIGURES.quanzhouCloudSigning2022.developmentZoneNegotiating;
  const note = '通过“云洽谈”视频会议对接';
  const negotiating = (
    zh: string,
    en: string,
    site: string,
    investor: string,
    industry: string,
    category: 'other' | 'regional_hq',
    yi: number,
    leadOn: string,
    on: string,
  ) =>
    addProject(data, {
      nationalCode: null,
      nameZh: zh,
      nameEn: en,
      descriptionZh: null,
      descriptionEn: null,
      regionCode: site,
      industryCode: industry,
      categoryCode: category,
      investment: yuan(yi * YI),
      expectedOutputYuan: null,
      source: 'cloud_negotiation',
      isKey: false,
      isMajor: yi >= 10,
      timeline: negotiatingTimeline(leadOn, on, note),
      investors: [{ organizationId: org(data, investor).id, role: 'lead_investor' }],
    });
  negotiating(
    '零趣食品品牌运营总部项目',
    'Lingqu Foods Brand Operation Headquarters Project',
    zone.regionCode,
    '上海零趣视频科技有限公司',
    '7211',
    'regional_hq',
    3,
    '2022-02-16',
    '2022-03-09',
  );
  for (let i = 1; i < zone.projects; i++) {
    const leadOn = addDays('2022-01-04', random.int(0, 70));
    const theme = pickTheme(random);
    addGeneratedProject(data, random, {
      site: zone.regionCode,
      theme,
      investors: pickInvestors(random, pools, { private: 80, foreign: 5, hmt: 10, overseas_chinese: 5 }),
      investment: yuan(random.int(50, 2000) * 1_000_000),
      timeline: negotiatingTimeline(leadOn, addDays(leadOn, random.int(7, 40)), note),
      source: 'cloud_negotiation',
      isKey: false,
    });
  }
  negotiating(
    '首创·梦园项目',
    'Capital Group Dream Garden Project',
    '350526',
    '北京首都创业集团有限公司',
    '7221',
    'other',
    8,
    '2022-02-21',
    '2022-04-12',
  );
  negotiating(
    '德化农产品深加工产业园项目',
    'Dehua Agricultural Products Processing Park Project',
    '350526',
    '德化县农业产业发展有限公司',
    '1399',
    'other',
    5,
    '2022-02-25',
    '2022-04-15',
  );
  negotiating(
    '泉州万洋众创城项目',
    'Quanzhou Wanyang Innovation City Project',
    '350583',
    '万洋集团有限公司',
    '7221',
    'other',
    30,
    '2022-03-02',
    '2022-04-08',
  );
  negotiating(
    '中民石材智能化加工基地项目',
    'Zhongmin Stone Smart Processing Base Project',
    '350583',
    '中民石材有限公司',
    '3032',
    'other',
    6,
    '2022-03-10',
    '2022-04-20',
  );
}

/** 洛江区 signed online with 无锡蠡湖至真 and saw the company registered before the cloud signing. */
function addLuojiangOnlineSigning(data: DemoData): void {
  const steps: StageStep[] = [
    { from: null, to: 'lead', on: '2022-01-18', note: null },
    { from: 'lead', to: 'negotiating', on: '2022-02-20', note: '通过“云洽谈”视频会议洽谈' },
    { from: 'negotiating', to: 'signed', on: '2022-03-28', note: '在线签订投资合作协议书' },
    { from: 'signed', to: 'registered', on: '2022-04-20', note: '完成工商注册登记' },
    { from: 'registered', to: 'construction', on: '2022-11-08', note: '取得施工许可证，项目开工' },
    { from: 'construction', to: 'production', on: '2024-06-18', note: '竣工投产' },
  ];
  const timeline: Timeline = {
    stage: 'production',
    stageChangedOn: '2024-06-18',
    signedOn: '2022-03-28',
    droppedReason: null,
    history: steps,
  };
  const project = addProject(data, {
    nationalCode: null,
    nameZh: '蠡湖至真洛江智能制造产业项目',
    nameEn: 'Lihu Zhizhen Luojiang Smart Manufacturing Project',
    descriptionZh: '洛江区与无锡蠡湖至真投资有限公司在线签订投资合作协议书，完成工商注册，成功引进龙头企业。',
    descriptionEn:
      'Luojiang District signed online with Wuxi Lihu Zhizhen Investment and completed the company registration.',
    regionCode: '350504',
    industryCode: '3484',
    categoryCode: 'digital_transformation',
    investment: yuan(10 * YI),
    expectedOutputYuan: 15 * YI,
    source: 'cloud_negotiation',
    isKey: true,
    isMajor: true,
    timeline,
    investors: [{ organizationId: org(data, '无锡蠡湖至真投资有限公司').id, role: 'lead_investor' }],
  });
  signProject(data, project, {
    eventId: null,
    typeCode: 'investment_contract',
    localParty: org(data, '泉州市洛江区人民政府'),
  });
}

export function buildQuanzhouCloudSigning2022(data: DemoData, pools: OrgPools): EventDraft {
  const random = streamFor(data.context.seed, 'quanzhou-2022');
  const { parent, main, branches } = addEvents(data);
  addMainVenue(data, pools, random, main);
  addBranchVenues(data, pools, random, branches);
  addCloudNegotiations(data, pools, random);
  addLuojiangOnlineSigning(data);
  return parent;
}
