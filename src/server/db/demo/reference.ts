// The demo builds on reference data already in the database; this reads it and names anything missing.
import { sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../connect.ts';
import type { DemoContext, DemoData, RegionInfo } from './model.ts';

export interface LoadedReference {
  regions: Map<string, RegionInfo>;
  industries: Set<string>;
  /** 'list:code' for every code list entry. */
  codeListEntries: Set<string>;
}

function missingReference(zh: string, en: string): AppError {
  return new AppError(
    'demo.reference_missing',
    409,
    `演示数据需要先载入参考数据（地区、行业、代码表）：${zh}`,
    `Demo data needs the reference data (regions, industries, code lists) loaded first: ${en}`,
  );
}

export async function readReference(tx: Tx): Promise<LoadedReference> {
  const regionRows = await tx.execute<{
    code: string;
    parent_code: string | null;
    level: RegionInfo['level'];
    name_zh: string;
    name_en: string | null;
  }>(sql`select code, parent_code, level, name_zh, name_en from regions`);
  if (regionRows.length === 0) throw missingReference('地区表为空', 'the regions table is empty');
  const regions = new Map<string, RegionInfo>();
  for (const row of regionRows) {
    regions.set(row.code, {
      code: row.code,
      parentCode: row.parent_code,
      level: row.level,
      nameZh: row.name_zh,
      nameEn: row.name_en,
    });
  }
  const industryRows = await tx.execute<{ code: string }>(sql`select code from industries`);
  const listRows = await tx.execute<{ list: string; code: string }>(sql`select list, code from code_lists`);
  return {
    regions,
    industries: new Set(industryRows.map((row) => row.code)),
    codeListEntries: new Set(listRows.map((row) => `${row.list}:${row.code}`)),
  };
}

/** The country root (the administrator's region): the one region without a parent above the provinces. */
export function countryRoot(reference: LoadedReference): string {
  const root = [...reference.regions.values()].find((region) => region.level === 'country');
  if (!root)
    throw missingReference('缺少全国根节点（level = country）', 'no country root region (level = country)');
  return root.code;
}

export function demoContext(reference: LoadedReference, seed: number, asOf: string): DemoContext {
  const sitesByCity = new Map<string, string[]>();
  for (const region of reference.regions.values()) {
    if (region.level !== 'county' && region.level !== 'park') continue;
    // 金门县 is listed in GB/T 2260 but not administered by Fujian: nothing lands there.
    if (region.code === '350527') continue;
    const city = region.code.slice(0, 4);
    sitesByCity.set(city, [...(sitesByCity.get(city) ?? []), region.code]);
  }
  for (const sites of sitesByCity.values()) sites.sort();
  return { seed, asOf, regions: reference.regions, landingSites: (city) => sitesByCity.get(city) ?? [] };
}

/** Every code the built data points to exists; projects land in counties or parks. */
export function assertReferenceCovers(
  reference: LoadedReference,
  data: DemoData,
  userRegions: string[],
): void {
  const regionCodes = new Set([
    ...userRegions,
    ...data.orgs.map((o) => o.regionCode),
    ...data.events.map((e) => e.regionCode),
    ...data.agreements.map((a) => a.regionCode),
    ...data.projects.map((p) => p.regionCode),
  ]);
  const missingRegions = [...regionCodes].filter((code) => !reference.regions.has(code)).sort();
  const notLanding = data.projects
    .filter((p) => !['county', 'park'].includes(reference.regions.get(p.regionCode)?.level ?? 'county'))
    .map((p) => p.regionCode);
  const missingIndustries = [...new Set(data.projects.map((p) => p.industryCode))]
    .filter((code) => !reference.industries.has(code))
    .sort();
  const entries = [
    ...new Set([
      ...data.projects.map((p) => `project_categories:${p.categoryCode}`),
      ...data.agreements.map((a) => `agreement_types:${a.typeCode}`),
    ]),
  ];
  const missingEntries = entries.filter((entry) => !reference.codeListEntries.has(entry)).sort();
  const problems: { zh: string; en: string }[] = [];
  if (missingRegions.length)
    problems.push({
      zh: `缺少地区 ${missingRegions.join('、')}`,
      en: `missing regions ${missingRegions.join(', ')}`,
    });
  if (notLanding.length) {
    const codes = [...new Set(notLanding)].join(', ');
    problems.push({
      zh: `落地地区须为区县或园区：${codes}`,
      en: `landing regions must be counties or parks: ${codes}`,
    });
  }
  if (missingIndustries.length)
    problems.push({
      zh: `缺少行业 ${missingIndustries.join('、')}`,
      en: `missing industries ${missingIndustries.join(', ')}`,
    });
  if (missingEntries.length)
    problems.push({
      zh: `缺少代码 ${missingEntries.join('、')}`,
      en: `missing code list entries ${missingEntries.join(', ')}`,
    });
  if (problems.length)
    throw missingReference(problems.map((p) => p.zh).join('；'), problems.map((p) => p.en).join('; '));
}
