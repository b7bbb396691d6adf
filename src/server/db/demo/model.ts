// The demo data set built in memory first, then written in bulk: plain rows with ids fixed by the seed.
import { toCny } from '../../../domain/amount.ts';
import type {
  AMOUNT_QUALIFIERS,
  CURRENCIES,
  INVESTOR_ROLES,
  PROJECT_SOURCES,
} from '../../../domain/codes.ts';
import type { Stage } from '../../../domain/stages.ts';
import type { AGREEMENT_STATUSES, EVENT_KINDS, EVENT_ROLES } from '../schema/events.ts';
import type { OrganizationType } from '../schema/organizations.ts';
import { type Random, streamFor } from './random.ts';

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventRole = (typeof EVENT_ROLES)[number];
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export type InvestorRole = (typeof INVESTOR_ROLES)[number];
export type ProjectSource = (typeof PROJECT_SOURCES)[number];
export type Currency = (typeof CURRENCIES)[number];
export type Qualifier = (typeof AMOUNT_QUALIFIERS)[number];
export type CategoryCode =
  | 'digital_industry'
  | 'digital_transformation'
  | 'new_infrastructure'
  | 'regional_hq'
  | 'other';
export type AgreementTypeCode =
  | 'strategic_cooperation'
  | 'regional_cooperation'
  | 'investment_contract'
  | 'framework_agreement'
  | 'key_project_signing';

export interface OrgDraft {
  id: string;
  nameZh: string;
  nameEn: string | null;
  /** Short name used in project titles (百度, Baidu). */
  shortZh: string;
  shortEn: string;
  usci: string | null;
  type: OrganizationType;
  origin: string | null;
  /** The bureau that keeps the record. */
  regionCode: string;
}

export interface EventDraft {
  id: string;
  parentId: string | null;
  kind: EventKind;
  nameZh: string;
  nameEn: string;
  regionCode: string;
  startsOn: string;
  endsOn: string;
  venueZh: string | null;
  venueEn: string | null;
  isOnline: boolean;
  roles: { organizationId: string; role: EventRole }[];
}

export interface StageStep {
  from: Stage | null;
  to: Stage;
  on: string;
  note: string | null;
}

export interface Timeline {
  stage: Stage;
  stageChangedOn: string;
  signedOn: string | null;
  droppedReason: string | null;
  history: StageStep[];
}

export interface Investment {
  amount: number;
  currency: Currency;
  qualifier: Qualifier;
  usdRate: string | null;
  yuan: number;
}

export interface ProjectDraft {
  id: string;
  /** Assigned once every project is built, in order of the first stage date. */
  code: string;
  nationalCode: string | null;
  nameZh: string;
  nameEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  regionCode: string;
  industryCode: string;
  categoryCode: CategoryCode;
  investment: Investment;
  expectedOutputYuan: number | null;
  source: ProjectSource;
  isKey: boolean;
  isMajor: boolean;
  timeline: Timeline;
  investors: { organizationId: string; role: InvestorRole }[];
}

export interface AgreementDraft {
  id: string;
  eventId: string | null;
  typeCode: AgreementTypeCode;
  titleZh: string;
  titleEn: string;
  amountYuan: number | null;
  status: AgreementStatus;
  signedOn: string | null;
  regionCode: string;
  partyIds: string[];
  projectIds: string[];
}

/** Reference rows the builders sample from; read from the database so the demo matches what is loaded. */
export interface RegionInfo {
  code: string;
  parentCode: string | null;
  level: 'country' | 'province' | 'city' | 'county' | 'park';
  nameZh: string;
  nameEn: string | null;
}

export interface DemoContext {
  seed: number;
  /** The date the demo's history runs up to: no stage change is later. */
  asOf: string;
  regions: ReadonlyMap<string, RegionInfo>;
  /** Counties and parks under a city (4-digit prefix), for landing sites. */
  landingSites(cityCode: string): string[];
}

export interface DemoData {
  context: DemoContext;
  /** The id stream: ids never depend on how many random draws the content took. */
  ids: Random;
  orgs: OrgDraft[];
  orgByName: Map<string, OrgDraft>;
  events: EventDraft[];
  projects: ProjectDraft[];
  agreements: AgreementDraft[];
  projectNames: Set<string>;
}

export function createDemoData(context: DemoContext): DemoData {
  return {
    context,
    ids: streamFor(context.seed, 'ids'),
    orgs: [],
    orgByName: new Map(),
    events: [],
    projects: [],
    agreements: [],
    projectNames: new Set(),
  };
}

/** The organization of that exact Chinese name; a typo in a builder fails loudly here. */
export function org(data: DemoData, nameZh: string): OrgDraft {
  const found = data.orgByName.get(nameZh);
  if (!found) throw new Error(`demo: no organization named ${nameZh}`);
  return found;
}

export function addOrg(data: DemoData, draft: Omit<OrgDraft, 'id'>): OrgDraft {
  if (data.orgByName.has(draft.nameZh)) throw new Error(`demo: organization ${draft.nameZh} added twice`);
  const row = { id: data.ids.uuid(), ...draft };
  data.orgs.push(row);
  data.orgByName.set(row.nameZh, row);
  return row;
}

export function addEvent(data: DemoData, draft: Omit<EventDraft, 'id'>): EventDraft {
  const row = { id: data.ids.uuid(), ...draft };
  data.events.push(row);
  return row;
}

const PHASES: Pair[] = [
  ['二', 'II'],
  ['三', 'III'],
  ['四', 'IV'],
  ['五', 'V'],
  ['六', 'VI'],
];
type Pair = readonly [string, string];

/** Two projects never share a title: a repeat becomes the next phase (二期, Phase II). */
function uniqueTitle(data: DemoData, zh: string, en: string): Pair {
  if (!data.projectNames.has(zh)) return [zh, en];
  const base = zh.replace(/项目$/, '');
  const baseEn = en.replace(/ Project$/, '');
  for (const [phaseZh, phaseEn] of PHASES) {
    const candidate = `${base}（${phaseZh}期）项目`;
    if (!data.projectNames.has(candidate)) return [candidate, `${baseEn} Phase ${phaseEn} Project`];
  }
  return [`${base}（${data.projects.length}）项目`, `${baseEn} (${data.projects.length}) Project`];
}

export function addProject(data: DemoData, draft: Omit<ProjectDraft, 'id' | 'code'>): ProjectDraft {
  const [nameZh, nameEn] = uniqueTitle(data, draft.nameZh, draft.nameEn);
  data.projectNames.add(nameZh);
  const row = { id: data.ids.uuid(), code: '', ...draft, nameZh, nameEn };
  data.projects.push(row);
  return row;
}

export function addAgreement(data: DemoData, draft: Omit<AgreementDraft, 'id'>): AgreementDraft {
  const row = { id: data.ids.uuid(), ...draft };
  data.agreements.push(row);
  return row;
}

/** A yuan amount as the project stores it. */
export function yuan(amount: number, qualifier: Qualifier = 'exact'): Investment {
  return { amount, currency: 'CNY', qualifier, usdRate: null, yuan: amount };
}

/** A US dollar amount converted at the recorded rate (CNY per USD, e.g. '7.1000'), exactly. */
export function usd(amount: number, usdRate: string): Investment {
  const yuanValue = toCny({ value: amount, currency: 'USD', qualifier: 'exact' }, usdRate);
  return { amount, currency: 'USD', qualifier: 'exact', usdRate, yuan: yuanValue };
}
