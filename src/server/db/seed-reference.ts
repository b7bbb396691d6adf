import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Tx } from './connect.ts';
import {
  AGREEMENT_TYPES,
  DIGITAL_ECONOMY_DATA,
  INDUSTRY_DATA,
  INVESTOR_TYPES,
  PROJECT_CATEGORIES,
  REGION_DATA,
  type RegionRow,
} from './reference/index.ts';
import {
  codeLists,
  digitalEconomyClasses,
  digitalEconomyIndustries,
  industries,
  referenceVersions,
  regions,
} from './schema.ts';

/** The root of the region tree: an administrator of the whole country has this home region. */
export const COUNTRY_CODE = '000000';
const CHUNK = 1000;
const PREFIX_LENGTH: Record<RegionRow['level'], number> = { province: 2, city: 4, county: 6, park: 9 };

/** A fingerprint of each data set, so a start-up skips what is already loaded and reloads what changed. */
function fingerprint(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex').slice(0, 16);
}

async function insertChunks<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T['$inferInsert'][],
  conflictTarget: PgTable['_']['columns'][string][],
  update: Record<string, unknown>,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoUpdate({ target: conflictTarget, set: update });
  }
}

async function isLoaded(tx: Tx, dataset: string, version: string): Promise<boolean> {
  const [row] = await tx.select().from(referenceVersions).where(eq(referenceVersions.dataset, dataset));
  return row?.version === version;
}

async function markLoaded(tx: Tx, dataset: string, version: string, source: string): Promise<void> {
  await tx
    .insert(referenceVersions)
    .values({ dataset, version, source })
    .onConflictDoUpdate({ target: referenceVersions.dataset, set: { version, source } });
}

const excluded = (column: string) => sql.raw(`excluded.${column}`);

/**
 * Loads (or refreshes) regions, industries, the digital-economy classification and the code lists.
 * Rows are upserted, never deleted: projects may point at a code that a newer list no longer has.
 */
export async function seedReference(database: Database): Promise<void> {
  let hasChanged = false;
  await database.db.transaction(async (tx) => {
    const regionVersion = fingerprint(REGION_DATA);
    if (!(await isLoaded(tx, 'regions', regionVersion))) {
      const rows = [
        {
          code: COUNTRY_CODE,
          parentCode: null,
          level: 'country' as const,
          nameZh: '全国',
          nameEn: 'China',
          scopePrefix: '',
          version: REGION_DATA.version,
        },
        ...REGION_DATA.regions.map((region) => ({
          code: region.code,
          parentCode: region.parentCode ?? COUNTRY_CODE,
          level: region.level,
          nameZh: region.nameZh,
          nameEn: region.nameEn,
          scopePrefix: region.code.slice(0, PREFIX_LENGTH[region.level]),
          version: REGION_DATA.version,
        })),
      ];
      await insertChunks(tx, regions, rows, [regions.code], {
        parentCode: excluded('parent_code'),
        level: excluded('level'),
        nameZh: excluded('name_zh'),
        nameEn: excluded('name_en'),
        scopePrefix: excluded('scope_prefix'),
        version: excluded('version'),
      });
      hasChanged = true;
      await markLoaded(
        tx,
        'regions',
        regionVersion,
        `${REGION_DATA.standard} ${REGION_DATA.version} (${REGION_DATA.source})`,
      );
    }

    const industryVersion = fingerprint(INDUSTRY_DATA);
    if (!(await isLoaded(tx, 'industries', industryVersion))) {
      await insertChunks(
        tx,
        industries,
        INDUSTRY_DATA.industries.map(({ code, parentCode, level, nameZh, nameEn }) => ({
          code,
          parentCode,
          level,
          nameZh,
          nameEn,
        })),
        [industries.code],
        {
          parentCode: excluded('parent_code'),
          level: excluded('level'),
          nameZh: excluded('name_zh'),
          nameEn: excluded('name_en'),
        },
      );
      hasChanged = true;
      await markLoaded(
        tx,
        'industries',
        industryVersion,
        `${INDUSTRY_DATA.standard} (${INDUSTRY_DATA.source})`,
      );
    }

    const digitalVersion = fingerprint(DIGITAL_ECONOMY_DATA);
    if (!(await isLoaded(tx, 'digital_economy', digitalVersion))) {
      const categories = DIGITAL_ECONOMY_DATA.categories;
      await insertChunks(
        tx,
        digitalEconomyClasses,
        categories.map(({ code, parentCode, level, nameZh, nameEn }) => ({
          code,
          parentCode,
          level,
          nameZh,
          nameEn,
        })),
        [digitalEconomyClasses.code],
        {
          parentCode: excluded('parent_code'),
          level: excluded('level'),
          nameZh: excluded('name_zh'),
          nameEn: excluded('name_en'),
        },
      );
      // The mapping is replaced whole: it is derived data with no references into it.
      await tx.delete(digitalEconomyIndustries);
      const links = categories.flatMap((category) =>
        category.industryCodes.map((industryCode) => ({
          digitalEconomyCode: category.code,
          industryCode,
          isPartial: category.partial,
        })),
      );
      for (let i = 0; i < links.length; i += CHUNK)
        await tx.insert(digitalEconomyIndustries).values(links.slice(i, i + CHUNK));
      hasChanged = true;
      await markLoaded(tx, 'digital_economy', digitalVersion, `${DIGITAL_ECONOMY_DATA.standard}`);
    }

    const lists = {
      investor_types: INVESTOR_TYPES,
      project_categories: PROJECT_CATEGORIES,
      agreement_types: AGREEMENT_TYPES,
    };
    const listVersion = fingerprint(lists);
    if (!(await isLoaded(tx, 'code_lists', listVersion))) {
      const rows = Object.entries(lists).flatMap(([list, items]) =>
        items.map((item, position) => ({
          list,
          code: item.code,
          nameZh: item.nameZh,
          nameEn: item.nameEn,
          position,
        })),
      );
      await insertChunks(tx, codeLists, rows, [codeLists.list, codeLists.code], {
        nameZh: excluded('name_zh'),
        nameEn: excluded('name_en'),
        position: excluded('position'),
      });
      hasChanged = true;
      await markLoaded(tx, 'code_lists', listVersion, 'Luodi');
    }
  });
  // Planner statistics for the reference tables every list joins (no autovacuum on PGlite).
  if (hasChanged)
    await database.sql`analyze regions, industries, code_lists, digital_economy_classes, digital_economy_industries`;
}
