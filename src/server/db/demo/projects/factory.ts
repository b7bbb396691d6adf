// Shared steps for generated projects: where they land, who invests, what they are called, how they are signed.
import type { OrganizationType } from '../../schema/organizations.ts';
import {
  type AgreementTypeCode,
  addAgreement,
  addProject,
  type DemoData,
  type Investment,
  type OrgDraft,
  type ProjectDraft,
  type ProjectSource,
  type Timeline,
} from '../model.ts';
import type { OrgPools } from '../organizations/index.ts';
import type { Random } from '../random.ts';
import type { Theme } from './themes.ts';

/** Where Fujian's projects land, by city: the three big cities take most. */
export const FUJIAN_CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['3501', 25],
  ['3502', 18],
  ['3505', 18],
  ['3506', 8],
  ['3503', 6],
  ['3504', 5],
  ['3507', 5],
  ['3508', 6],
  ['3509', 9],
];

/** A county or park under the city (parks are where projects cluster, so they weigh more). */
export function pickSite(data: DemoData, random: Random, city: string): string {
  const sites = data.context.landingSites(city);
  if (sites.length === 0) throw new Error(`demo: reference data has no county or park under city ${city}00`);
  return random.weighted(sites.map((code) => [code, code.length === 9 ? 3 : 1] as const));
}

export type InvestorMix = Partial<Record<Exclude<OrganizationType, 'government' | 'institution'>, number>>;

export const DIGITAL_MIX: InvestorMix = {
  private: 72,
  local_soe: 9,
  central_soe: 8,
  foreign: 4,
  hmt: 5,
  overseas_chinese: 2,
};
export const CITY_MIX: InvestorMix = {
  private: 70,
  local_soe: 10,
  central_soe: 6,
  foreign: 4,
  hmt: 6,
  overseas_chinese: 4,
};

/** A lead investor by type mix (for Fujian, its own private firms first), sometimes with a co-investor. */
export function pickInvestors(
  random: Random,
  pools: OrgPools,
  mix: InvestorMix,
  isInFujian = true,
): OrgDraft[] {
  const type = random.weighted(Object.entries(mix) as [keyof InvestorMix, number][]);
  const pool = type === 'private' && isInFujian && random.chance(0.6) ? pools.fujianPrivate : pools[type];
  const lead = random.pick(pool);
  if (!random.chance(0.25)) return [lead];
  const co = random.pick(random.chance(0.5) ? pools.local_soe : pools.private);
  return co.id === lead.id ? [lead] : [lead, co];
}

/** Chinese reports call a project after its investor and what it builds. */
export function titleOf(investor: OrgDraft, theme: Theme): { zh: string; en: string } {
  return { zh: `${investor.shortZh}${theme.zh}项目`, en: `${investor.shortEn} ${theme.en} Project` };
}

/** Upgrades of traditional trades and non-digital plants are called after the place (晋江化工新材料项目). */
function placeTitle(data: DemoData, site: string, theme: Theme): { zh: string; en: string } {
  const region = data.context.regions.get(site);
  const city = data.context.regions.get(cityOf(site));
  const name = region?.nameZh ?? '';
  const zh = region?.level === 'county' && name.length > 2 ? name.replace(/[市区县]$/, '') : name;
  const en = (region?.nameEn ?? city?.nameEn ?? '').replace(/ (District|County|City)$/, '');
  return { zh: `${zh}${theme.zh}项目`, en: `${en} ${theme.en} Project`.trim() };
}

/** A traditional manufacturer leads half of the upgrades and plants of its trades; others keep the drawn investors. */
export function investorsForTheme(
  random: Random,
  pools: OrgPools,
  theme: Theme,
  drawn: OrgDraft[],
): OrgDraft[] {
  const isTraditional = theme.category === 'other' || theme.category === 'digital_transformation';
  return isTraditional && pools.traditional.length > 0 && random.chance(0.3)
    ? [random.pick(pools.traditional)]
    : drawn;
}

/** Annual output a factory expects once at full output: 1.2–2.5 times its investment, in 万元. */
export function expectedOutput(random: Random, theme: Theme, investmentYuan: number): number | null {
  if (!theme.isManufacturing || !random.chance(0.7)) return null;
  return Math.round((investmentYuan * (1.2 + random.next() * 1.3)) / 10_000) * 10_000;
}

export interface GeneratedProject {
  site: string;
  theme: Theme;
  investors: OrgDraft[];
  investment: Investment;
  timeline: Timeline;
  source: ProjectSource;
  isKey: boolean;
}

export function addGeneratedProject(data: DemoData, random: Random, spec: GeneratedProject): ProjectDraft {
  const [lead] = spec.investors;
  if (!lead) throw new Error('demo: a generated project needs an investor');
  const isPlaceNamed = spec.theme.category === 'other' || spec.theme.category === 'digital_transformation';
  const title = isPlaceNamed ? placeTitle(data, spec.site, spec.theme) : titleOf(lead, spec.theme);
  return addProject(data, {
    nationalCode: null,
    nameZh: title.zh,
    nameEn: title.en,
    descriptionZh: null,
    descriptionEn: null,
    regionCode: spec.site,
    industryCode: spec.theme.industry,
    categoryCode: spec.theme.category,
    investment: spec.investment,
    expectedOutputYuan: expectedOutput(random, spec.theme, spec.investment.yuan),
    source: spec.source,
    isKey: spec.isKey,
    isMajor: spec.investment.yuan >= 1_000_000_000,
    timeline: spec.timeline,
    investors: spec.investors.map((o, i) => ({
      organizationId: o.id,
      role: i === 0 ? 'lead_investor' : 'co_investor',
    })),
  });
}

/** The city (xx xx 00) a landing region belongs to: agreements are kept by the city bureau. */
export function cityOf(regionCode: string): string {
  return `${regionCode.slice(0, 4)}00`;
}

/** One agreement for one signed project, between the local government and the investors. */
export function signProject(
  data: DemoData,
  project: ProjectDraft,
  options: { eventId: string | null; typeCode: AgreementTypeCode; localParty: OrgDraft | null },
): void {
  const signedOn = project.timeline.signedOn;
  if (!signedOn) throw new Error(`demo: ${project.nameZh} is signed without a date`);
  const parties = [
    ...(options.localParty ? [options.localParty.id] : []),
    ...project.investors.map((i) => i.organizationId),
  ];
  addAgreement(data, {
    eventId: options.eventId,
    typeCode: options.typeCode,
    titleZh: `${project.nameZh.replace(/项目$/, '')}项目${AGREEMENT_SUFFIX[options.typeCode].zh}`,
    titleEn: `${AGREEMENT_SUFFIX[options.typeCode].en}: ${project.nameEn}`,
    amountYuan: project.investment.yuan,
    status: 'completed',
    signedOn,
    regionCode: cityOf(project.regionCode),
    partyIds: [...new Set(parties)],
    projectIds: [project.id],
  });
}

const AGREEMENT_SUFFIX: Record<AgreementTypeCode, { zh: string; en: string }> = {
  strategic_cooperation: { zh: '战略合作协议', en: 'Strategic cooperation agreement' },
  regional_cooperation: { zh: '区域合作协议', en: 'Regional cooperation agreement' },
  investment_contract: { zh: '投资合同', en: 'Investment contract' },
  framework_agreement: { zh: '框架协议', en: 'Framework agreement' },
  key_project_signing: { zh: '签约书', en: 'Key project signing' },
};
