// seeds/001 and 004: the Digital China Summit in Fuzhou since 2018, each with its batch of signed digital projects.
import { SEED_FIGURES, type SummitFigure } from '../figures.ts';
import { addEvent, type DemoData, type EventDraft, type OrgDraft, org, usd, yuan } from '../model.ts';
import type { OrgPools } from '../organizations/index.ts';
import {
  addGeneratedProject,
  cityOf,
  DIGITAL_MIX,
  FUJIAN_CITY_WEIGHTS,
  investorsForTheme,
  pickInvestors,
  pickSite,
  signProject,
} from '../projects/factory.ts';
import {
  DIGITAL_INDUSTRY,
  DIGITAL_TRANSFORMATION,
  NEW_INFRASTRUCTURE,
  REGIONAL_HQ,
  type Theme,
} from '../projects/themes.ts';
import { signedTimeline, TYPICAL_SIGNED } from '../projects/timeline.ts';
import { type Random, splitAmount, streamFor } from '../random.ts';

const VENUE_ZH = '福州海峡国际会展中心';
const VENUE_EN = 'Fuzhou Strait International Conference & Exhibition Center';

/** CNY per USD recorded for dollar contracts signed that year (two decimals keep yuan in whole 万元). */
export const USD_RATES: Record<number, string> = {
  2018: '6.6200',
  2019: '6.9000',
  2020: '6.7000',
  2021: '6.4500',
  2022: '6.7000',
  2023: '7.1000',
  2024: '7.1000',
};

const HOSTS_2022 = [
  '国家互联网信息办公室',
  '国家发展和改革委员会',
  '科学技术部',
  '工业和信息化部',
  '国务院国有资产监督管理委员会',
  '福建省人民政府',
];
const HOSTS_2024 = [
  '国家发展和改革委员会',
  '国家数据局',
  '国家互联网信息办公室',
  '科学技术部',
  '国务院国有资产监督管理委员会',
  '福建省人民政府',
];
const HOSTS_EARLIER = ['国家互联网信息办公室', '国家发展和改革委员会', '工业和信息化部', '福建省人民政府'];

function hostsOf(ordinal: number): string[] {
  if (ordinal === 5) return HOSTS_2022;
  if (ordinal >= 6) return HOSTS_2024;
  return HOSTS_EARLIER;
}

/** Projects and yuan of a summit that its child events sign themselves (the expo ceremony, the Fujian conference). */
const SIGNED_BY_PARTS: Record<number, { projects: number; investmentYuan: number }> = {
  5: {
    projects: SEED_FIGURES.fuzhouExpo2022.projects,
    investmentYuan: SEED_FIGURES.fuzhouExpo2022.investmentYuan,
  },
  7: {
    projects: SEED_FIGURES.fujianDigitalEconomy2024.projects,
    investmentYuan: SEED_FIGURES.fujianDigitalEconomy2024.investmentYuan,
  },
};

function pickTheme(random: Random): Theme {
  const group = random.weighted<Theme[]>([
    [DIGITAL_INDUSTRY, 70],
    [DIGITAL_TRANSFORMATION, 15],
    [NEW_INFRASTRUCTURE, 10],
    [REGIONAL_HQ, 5],
  ]);
  return random.pick(group);
}

function addSummitEvent(data: DemoData, summit: SummitFigure): EventDraft {
  return addEvent(data, {
    parentId: null,
    kind: 'summit',
    nameZh: summit.nameZh,
    nameEn: summit.nameEn,
    regionCode: '350000',
    startsOn: summit.startsOn,
    endsOn: summit.endsOn,
    venueZh: VENUE_ZH,
    venueEn: VENUE_EN,
    isOnline: false,
    roles: hostsOf(summit.ordinal).map((name) => ({
      organizationId: org(data, name).id,
      role: 'organizer' as const,
    })),
  });
}

/** The summit's own batch: generated projects across Fujian whose count and total match the published figure. */
function addSummitProjects(data: DemoData, pools: OrgPools, summit: SummitFigure, event: EventDraft): void {
  const random = streamFor(data.context.seed, `summit-${summit.ordinal}`);
  const parts = SIGNED_BY_PARTS[summit.ordinal] ?? { projects: 0, investmentYuan: 0 };
  const count = summit.projects - parts.projects;
  const year = Number(summit.startsOn.slice(0, 4));
  const rate = USD_RATES[year] ?? '7.1000';
  const investorSets: OrgDraft[][] = Array.from({ length: count }, () =>
    pickInvestors(random, pools, DIGITAL_MIX),
  );
  // Some foreign investors contract in dollars: their yuan is fixed by the rate, the rest share what is left.
  const dollars = investorSets.map((investors) =>
    investors[0]?.type === 'foreign' && random.chance(0.6) ? random.int(10, 300) * 1_000_000 : null,
  );
  const dollarYuan = dollars.reduce<number>(
    (sum, amount) => sum + (amount === null ? 0 : usd(amount, rate).yuan),
    0,
  );
  const yuanCount = dollars.filter((amount) => amount === null).length;
  const amounts = splitAmount(random, summit.investmentYuan - parts.investmentYuan - dollarYuan, yuanCount, {
    unit: 10_000,
    min: 20_000_000,
    max: 15_000_000_000,
    spread: 1.1,
  });
  let next = 0;
  for (const [i, investors] of investorSets.entries()) {
    const dollarAmount = dollars[i];
    const investment =
      dollarAmount === null || dollarAmount === undefined
        ? yuan(amounts[next++] ?? 0)
        : usd(dollarAmount, rate);
    const site = pickSite(data, random, random.weighted(FUJIAN_CITY_WEIGHTS));
    const theme = pickTheme(random);
    const project = addGeneratedProject(data, random, {
      site,
      theme,
      investors: dollarAmount === null ? investorsForTheme(random, pools, theme, investors) : investors,
      investment,
      timeline: signedTimeline(
        random,
        summit.startsOn,
        data.context.asOf,
        TYPICAL_SIGNED,
        `${summit.nameZh}集中签约`,
      ),
      source: 'event',
      isKey: summit.ordinal === 7 || random.chance(0.3),
    });
    signProject(data, project, {
      eventId: event.id,
      typeCode: random.chance(0.8) ? 'investment_contract' : 'framework_agreement',
      localParty: pools.cityGovernment.get(cityOf(site)) ?? null,
    });
  }
}

/** The seven summit events, by ordinal, so the expo ceremony and the 2024 conference can hang under theirs. */
export function addSummitEvents(data: DemoData): Map<number, EventDraft> {
  const byOrdinal = new Map<number, EventDraft>();
  for (const summit of SEED_FIGURES.digitalChinaSummits.summits)
    byOrdinal.set(summit.ordinal, addSummitEvent(data, summit));
  return byOrdinal;
}

/** Each summit's own batch of signed projects (run after the named events so their titles come first). */
export function addSummitBatches(
  data: DemoData,
  pools: OrgPools,
  events: ReadonlyMap<number, EventDraft>,
): void {
  for (const summit of SEED_FIGURES.digitalChinaSummits.summits) {
    const event = events.get(summit.ordinal);
    if (!event) throw new Error(`demo: summit ${summit.ordinal} has no event`);
    addSummitProjects(data, pools, summit, event);
  }
}
