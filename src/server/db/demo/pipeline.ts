// The everyday pipeline outside the big events: leads, talks, direct contracts and dropped projects, per city.
import { addDays } from './dates.ts';
import { USD_RATES } from './events/digital-china-summits.ts';
import { type DemoData, type Investment, type OrgDraft, org, usd, yuan } from './model.ts';
import type { OrgPools } from './organizations/index.ts';
import {
  addGeneratedProject,
  CITY_MIX,
  cityOf,
  investorsForTheme,
  pickInvestors,
  pickSite,
  signProject,
} from './projects/factory.ts';
import { ALL_THEMES, DIGITAL_ECONOMY_THEMES, type Theme } from './projects/themes.ts';
import { signedTimeline, TYPICAL_SIGNED, unsignedTimeline } from './projects/timeline.ts';
import { type Random, streamFor } from './random.ts';

interface CityPlan {
  cities: string[];
  leads: number;
  negotiating: number;
  dropped: number;
  signed: number;
  /** Signed foreign projects contracted in US dollars. */
  dollarContracts: number;
}

// biome-ignore format: a table reads best one row per line
const PLANS: CityPlan[] = [
  { cities: ['3501'], leads: 45, negotiating: 25, dropped: 8, signed: 30, dollarContracts: 3 },
  { cities: ['3505'], leads: 30, negotiating: 15, dropped: 5, signed: 20, dollarContracts: 1 },
  { cities: ['3502', '3506', '3503', '3509'], leads: 30, negotiating: 15, dropped: 4, signed: 20, dollarContracts: 2 },
];

const SOURCES = [
  ['referral', 5],
  ['cloud_negotiation', 3],
  ['other', 2],
] as const;

function randomDate(random: Random, from: string, days: number): string {
  return addDays(from, random.int(0, days));
}

function pickTheme(random: Random): Theme {
  return random.pick(random.chance(0.75) ? DIGITAL_ECONOMY_THEMES : ALL_THEMES);
}

function addUnsigned(
  data: DemoData,
  pools: OrgPools,
  random: Random,
  city: string,
  target: 'lead' | 'negotiating' | 'dropped',
  investors?: OrgDraft[],
): void {
  // Open leads and talks are recent; dropped talks go back a few years.
  const leadOn =
    target === 'dropped' ? randomDate(random, '2021-06-01', 1000) : randomDate(random, '2024-06-01', 540);
  const theme = pickTheme(random);
  addGeneratedProject(data, random, {
    site: pickSite(data, random, city),
    theme,
    investors: investors ?? investorsForTheme(random, pools, theme, pickInvestors(random, pools, CITY_MIX)),
    investment: yuan(random.int(20, 3000) * 1_000_000, random.chance(0.2) ? 'about' : 'exact'),
    timeline: unsignedTimeline(random, target, leadOn, data.context.asOf),
    source: random.weighted(SOURCES),
    isKey: random.chance(0.15),
  });
}

function addSigned(data: DemoData, pools: OrgPools, random: Random, city: string, isDollar: boolean): void {
  const signedOn = randomDate(random, '2019-01-01', 2460);
  const year = Number(signedOn.slice(0, 4));
  const theme = pickTheme(random);
  const investors = isDollar
    ? [random.pick(pools.foreign)]
    : investorsForTheme(random, pools, theme, pickInvestors(random, pools, CITY_MIX));
  const investment: Investment = isDollar
    ? usd(random.int(10, 80) * 1_000_000, USD_RATES[year] ?? '7.1000')
    : yuan(random.int(30, 5000) * 1_000_000);
  const site = pickSite(data, random, city);
  const project = addGeneratedProject(data, random, {
    site,
    theme,
    investors,
    investment,
    timeline: signedTimeline(random, signedOn, data.context.asOf, TYPICAL_SIGNED, '签订投资合同'),
    source: random.weighted(SOURCES),
    isKey: random.chance(0.25),
  });
  signProject(data, project, {
    eventId: null,
    typeCode: 'investment_contract',
    localParty: pools.cityGovernment.get(cityOf(site)) ?? null,
  });
}

export function buildPipeline(data: DemoData, pools: OrgPools): void {
  const random = streamFor(data.context.seed, 'pipeline');
  for (const plan of PLANS) {
    const city = () => random.pick(plan.cities);
    for (let i = 0; i < plan.leads; i++) addUnsigned(data, pools, random, city(), 'lead');
    for (let i = 0; i < plan.negotiating; i++) addUnsigned(data, pools, random, city(), 'negotiating');
    for (let i = 0; i < plan.dropped; i++) addUnsigned(data, pools, random, city(), 'dropped');
    for (let i = 0; i < plan.signed; i++) addSigned(data, pools, random, city(), i < plan.dollarContracts);
  }
  // Projects entered against the duplicate records, so merging them has links to move.
  addUnsigned(data, pools, random, '3501', 'lead', [org(data, '宽腾(北京)医疗器械有限责任公司')]);
  addUnsigned(data, pools, random, '3501', 'negotiating', [org(data, '浙江大华技术有限公司')]);
}
