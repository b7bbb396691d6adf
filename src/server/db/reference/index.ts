/**
 * Versioned reference data: regions (GB/T 2260 plus demo parks), industries (GB/T 4754-2017), the 2021
 * digital-economy classification, and the small code lists. The JSON files beside this module are generated
 * by `build-regions.ts` and `build-classifications.ts` (see their headers) and checked in; every file carries
 * its `standard`, `version`, `source` and `notes`, which the seeders store with the rows.
 *
 * Region hierarchy, and how GB/T 2260's irregular corners are handled:
 * - Levels are province (2-digit prefix) → city (4) → county (6) → park (9). A child's code always starts
 *   with its parent's prefix, so a code prefix is a subtree (reference.test.ts checks it; no exceptions).
 * - Municipalities (北京 11, 天津 12, 上海 31, 重庆 50) have no city level in GB/T 2260. Their districts hang
 *   under a synthetic city row with the ministry's 市辖区 code named after the municipality (110100 北京市,
 *   120100 天津市, 310100 上海市, 500100 重庆市) and, for Chongqing's counties, 500200 重庆市（县）.
 * - Counties administered directly by a province (省直辖县级行政区划 419000, 429000, 469000;
 *   自治区直辖县级行政区划 659000) hang under that GB/T 2260 grouping code as a synthetic city row.
 * - Cities without county-level units (441900 东莞市, 442000 中山市, 460400 儋州市, 620200 嘉峪关市, and
 *   460300 三沙市 in this snapshot) are leaf cities: we do not invent a county child for them. Anything that
 *   needs a county (a park, a project address) may point at the city itself.
 * - Synthetic rows carry `synthetic: true`, so a cascader may skip the extra municipal level.
 * - Parks (development zones) are not in GB/T 2260: code = county code + 3 digits (parks.json).
 */
import { z } from 'zod';
import digitalEconomyJson from './digital-economy.json' with { type: 'json' };
import industriesJson from './industries.json' with { type: 'json' };
import parksJson from './parks.json' with { type: 'json' };
import regionsJson from './regions.json' with { type: 'json' };

export type {
  AgreementType,
  CodeListItem,
  InvestorType,
  ProjectCategory,
} from '../../../domain/code-lists.ts';
export { AGREEMENT_TYPES, INVESTOR_TYPES, PROJECT_CATEGORIES } from '../../../domain/code-lists.ts';

export type RegionLevel = 'province' | 'city' | 'county' | 'park';

export interface RegionRow {
  code: string;
  parentCode: string | null;
  level: RegionLevel;
  nameZh: string;
  nameEn: string | null;
  /** A grouping row that is not itself an administrative unit (municipal 市辖区 level, 省直辖县级行政区划). */
  synthetic?: true;
}

export type IndustryLevel = 1 | 2 | 3 | 4;

export interface IndustryRow {
  /** Section letter A–T, 2-digit division, 3-digit group or 4-digit class. */
  code: string;
  parentCode: string | null;
  level: IndustryLevel;
  nameZh: string;
  nameEn: string | null;
}

export type DigitalEconomyLevel = 1 | 2 | 3;

export interface DigitalEconomyRow {
  /** 2-digit 大类, 4-digit 中类 or 6-digit 小类. */
  code: string;
  parentCode: string | null;
  level: DigitalEconomyLevel;
  nameZh: string;
  nameEn: string | null;
  /** GB/T 4754-2017 classes (4 digits) this category covers. */
  industryCodes: string[];
  /** True where only part of those industries counts (the standard's *). */
  partial: boolean;
}

export interface ReferenceMeta {
  standard: string;
  version: string;
  source: string;
  notes: string[];
}

const meta = {
  standard: z.string().min(1),
  version: z.string().min(1),
  source: z.string().min(1),
  notes: z.array(z.string()),
};

const regionRow = z.object({
  code: z.string().regex(/^\d{6}$/),
  parentCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  level: z.enum(['province', 'city', 'county']),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1).nullable(),
  synthetic: z.literal(true).optional(),
});

const parkRow = z.object({
  code: z.string().regex(/^\d{9}$/),
  parentCode: z.string().regex(/^\d{6}$/),
  level: z.literal('park'),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1).nullable(),
});

const industryRow = z.object({
  code: z.string().regex(/^([A-T]|\d{2,4})$/),
  parentCode: z.string().nullable(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1).nullable(),
});

const digitalEconomyRow = z.object({
  code: z.string().regex(/^(\d{2}|\d{4}|\d{6})$/),
  parentCode: z.string().nullable(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  nameZh: z.string().min(1),
  nameEn: z.string().min(1).nullable(),
  industryCodes: z.array(z.string().regex(/^\d{4}$/)),
  partial: z.boolean(),
});

const regionsFile = z.object({ ...meta, regions: z.array(regionRow) }).parse(regionsJson);
const parksFile = z.object({ ...meta, parks: z.array(parkRow) }).parse(parksJson);
const industriesFile = z.object({ ...meta, industries: z.array(industryRow) }).parse(industriesJson);
const digitalEconomyFile = z
  .object({ ...meta, categories: z.array(digitalEconomyRow) })
  .parse(digitalEconomyJson);

const { regions: parsedRegions, ...regionsMeta } = regionsFile;
const { parks: parsedParks, ...parksMeta } = parksFile;

/** Parks' own provenance (they are curated, not GB/T 2260). */
export const PARK_DATA: ReferenceMeta & { parks: RegionRow[] } = { ...parksMeta, parks: parsedParks };

/** GB/T 2260 provinces, cities and counties of mainland China, followed by the parks. */
export const REGION_DATA: ReferenceMeta & { regions: RegionRow[] } = {
  ...regionsMeta,
  regions: [...parsedRegions, ...parsedParks],
};

export const INDUSTRY_DATA: ReferenceMeta & { industries: IndustryRow[] } = {
  standard: industriesFile.standard,
  version: industriesFile.version,
  source: industriesFile.source,
  notes: industriesFile.notes,
  industries: industriesFile.industries,
};

export const DIGITAL_ECONOMY_DATA: ReferenceMeta & { categories: DigitalEconomyRow[] } = {
  standard: digitalEconomyFile.standard,
  version: digitalEconomyFile.version,
  source: digitalEconomyFile.source,
  notes: digitalEconomyFile.notes,
  categories: digitalEconomyFile.categories,
};

export const REGION_BY_CODE: ReadonlyMap<string, RegionRow> = new Map(
  REGION_DATA.regions.map((row) => [row.code, row]),
);

export const INDUSTRY_BY_CODE: ReadonlyMap<string, IndustryRow> = new Map(
  INDUSTRY_DATA.industries.map((row) => [row.code, row]),
);

export const DIGITAL_ECONOMY_BY_CODE: ReadonlyMap<string, DigitalEconomyRow> = new Map(
  DIGITAL_ECONOMY_DATA.categories.map((row) => [row.code, row]),
);

/** The row of the code and its ancestors, top first; ends at a loop in the data instead of following it. */
export function pathTo<Row extends { parentCode: string | null }>(
  byCode: ReadonlyMap<string, Row>,
  code: string,
): Row[] {
  const path: Row[] = [];
  let row = byCode.get(code);
  // A code met twice would be a loop in the data: stop rather than walk it forever.
  while (row && !path.includes(row)) {
    path.unshift(row);
    row = row.parentCode === null ? undefined : byCode.get(row.parentCode);
  }
  return path;
}

/** The region and its ancestors, province first; empty for an unknown code. */
export function regionPath(code: string): RegionRow[] {
  return pathTo(REGION_BY_CODE, code);
}

/** The industry and its ancestors, section first; empty for an unknown code. */
export function industryPath(code: string): IndustryRow[] {
  return pathTo(INDUSTRY_BY_CODE, code);
}

/** The digital-economy category and its ancestors, 大类 first; empty for an unknown code. */
export function digitalEconomyPath(code: string): DigitalEconomyRow[] {
  return pathTo(DIGITAL_ECONOMY_BY_CODE, code);
}

/** Digital-economy categories that list this GB/T 4754-2017 class. */
export function digitalEconomyCategoriesForIndustry(industryCode: string): DigitalEconomyRow[] {
  return DIGITAL_ECONOMY_DATA.categories.filter((row) => row.industryCodes.includes(industryCode));
}
