// Generated investors: organizations of every type with valid credit codes, and their project links.

import { organizationNameKey } from '../../src/domain/organization-name.ts';
import { searchTokens, toTsvectorText } from '../../src/domain/search-tokens.ts';
import { orgCodeCheckChar, usciCheckChar } from '../../src/domain/usci.ts';
import { searchTextOf } from '../../src/server/platform/search.ts';
import { landingPlaces, randomUuid } from './places.ts';
import { type Random, weighted } from './random.ts';
import {
  BRANDS,
  COMPANY_WORDS,
  FOREIGN_ORIGINS,
  HMT_ORIGINS,
  LEGAL_FORMS,
  OVERSEAS_ORIGINS,
} from './vocabulary.ts';

export const ORGANIZATION_COLUMNS = [
  'id',
  'name_zh',
  'name_en',
  'name_key',
  'usci',
  'type',
  'origin',
  'region_code',
  'search_text',
  'search_tokens',
] as const;
export type OrganizationColumn = (typeof ORGANIZATION_COLUMNS)[number];
export type OrganizationBatch = Record<OrganizationColumn, (string | null)[]>;

const TYPES = weighted([
  ['private', 55],
  ['local_soe', 12],
  ['central_soe', 5],
  ['foreign', 10],
  ['hmt', 8],
  ['overseas_chinese', 3],
  ['institution', 4],
  ['government', 3],
] as const);
const FORMS = weighted(LEGAL_FORMS.map(([zh, en, weight]) => [[zh, en] as const, weight] as const));
const INSTITUTION_WORDS = ['研究院', '产业技术研究院', '技术创新中心', '科学院研究所'];
const GOVERNMENT_WORDS = ['投资促进中心', '城市建设投资集团', '产业投资基金', '国有资产投资运营中心'];

function usci(random: Random, authority: string, regionCode: string): string {
  let body = '';
  for (let i = 0; i < 8; i++) body += String(random.int(0, 9));
  const first17 = `${authority}${regionCode.slice(0, 6)}${body}${orgCodeCheckChar(body) ?? '0'}`;
  return `${first17}${usciCheckChar(first17) ?? '0'}`;
}

/** About `count` organizations with unique names and credit codes. */
export function organizationRows(random: Random, count: number): OrganizationBatch {
  const places = landingPlaces();
  const batch = {} as OrganizationBatch;
  for (const column of ORGANIZATION_COLUMNS) batch[column] = [];
  const names = new Set<string>();
  const codes = new Set<string>();
  while (batch.id.length < count) {
    const place = places.pick(random);
    const type = TYPES.pick(random);
    const brand = random.pick(BRANDS);
    const [word, wordEn] = random.pick(COMPANY_WORDS);
    const [form, formEn] = FORMS.pick(random);
    let nameZh: string;
    let origin: string;
    if (type === 'institution' || type === 'government') {
      nameZh =
        type === 'institution'
          ? `${place.cityShort}${brand}${random.pick(INSTITUTION_WORDS)}`
          : `${place.countyShort ?? place.cityShort}${random.pick(GOVERNMENT_WORDS)}`;
      origin = place.code;
    } else if (type === 'foreign' || type === 'hmt' || type === 'overseas_chinese') {
      const list = type === 'foreign' ? FOREIGN_ORIGINS : type === 'hmt' ? HMT_ORIGINS : OVERSEAS_ORIGINS;
      origin = random.pick(list);
      nameZh = `${origin}${brand}${word}（${place.cityShort}）${form}`;
    } else {
      const prefix = type === 'central_soe' ? '中国' : place.cityShort;
      nameZh = `${prefix}${brand}${word}${form}`;
      origin = place.code;
    }
    const key = organizationNameKey(nameZh);
    if (names.has(key)) continue;
    const authority = type === 'government' ? '11' : type === 'institution' ? '12' : '91';
    const code = usci(random, authority, place.code);
    if (codes.has(code)) continue;
    names.add(key);
    codes.add(code);
    const nameEn = random.chance(0.3) ? `${place.cityEn} ${brand} ${wordEn} ${formEn}`.trim() : null;
    const searchText = searchTextOf([nameZh, nameEn, code]);
    const row: Record<OrganizationColumn, string | null> = {
      id: randomUuid(random),
      name_zh: nameZh,
      name_en: nameEn,
      name_key: key,
      usci: code,
      type,
      origin,
      region_code: place.code.slice(0, 6),
      search_text: searchText,
      search_tokens: toTsvectorText(searchTokens(searchText)),
    };
    for (const column of ORGANIZATION_COLUMNS) batch[column].push(row[column]);
  }
  return batch;
}

export interface InvestorBatch {
  project_id: string[];
  organization_id: string[];
  role: string[];
  position: string[];
}

/** Links about `share` of the given projects to 1–3 distinct organizations each. */
export function investorRows(
  random: Random,
  projectIds: readonly (string | null)[],
  organizationIds: readonly (string | null)[],
  share: number,
): InvestorBatch {
  const rows: InvestorBatch = { project_id: [], organization_id: [], role: [], position: [] };
  const roles = ['lead_investor', 'co_investor', 'partner'];
  for (const projectId of projectIds) {
    if (projectId === null || !random.chance(share)) continue;
    const count = random.chance(0.6) ? 1 : random.chance(0.6) ? 2 : 3;
    const chosen = new Set<string>();
    while (chosen.size < count) {
      const id = random.pick(organizationIds);
      if (id !== null) chosen.add(id);
    }
    let position = 0;
    for (const organizationId of chosen) {
      rows.project_id.push(projectId);
      rows.organization_id.push(organizationId);
      rows.role.push(random.chance(0.03) ? 'government_party' : (roles[position] ?? 'partner'));
      rows.position.push(String(position));
      position += 1;
    }
  }
  return rows;
}
