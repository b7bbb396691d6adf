import { and, asc, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/connect.ts';
import { codeLists, digitalEconomyClasses, industries, regions } from '../../db/schema.ts';
import { type Actor, escapeLike, qualified } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';

const REGION = { zh: '地区', en: 'Region' };

const regionColumns = {
  code: regions.code,
  parentCode: regions.parentCode,
  level: regions.level,
  nameZh: regions.nameZh,
  nameEn: regions.nameEn,
  hasChildren: sql<boolean>`exists (select 1 from regions c where c.parent_code = ${qualified(regions.code)})`,
};

/**
 * Children of a region, for cascaders. Without a parent: the user's home region itself. A region above or
 * beside the user's scope is not offered (its children would not be visible anyway).
 */
export async function listRegions(db: Db, actor: Actor, parentCode: string | undefined) {
  if (!parentCode) {
    return db.select(regionColumns).from(regions).where(eq(regions.code, actor.regionCode));
  }
  const [parent] = await db.select().from(regions).where(eq(regions.code, parentCode));
  if (!parent?.scopePrefix.startsWith(actor.scopePrefix)) throw notFound(REGION, parentCode);
  return db
    .select(regionColumns)
    .from(regions)
    .where(eq(regions.parentCode, parentCode))
    .orderBy(asc(regions.code));
}

export async function getRegion(db: Db, code: string) {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

const INDUSTRY_SEARCH_LIMIT = 50;

/** Industries whose code starts with, or whose name contains, the text; for type-ahead pickers. */
export async function searchIndustries(db: Db, text: string) {
  const like = `%${escapeLike(text)}%`;
  return db
    .select()
    .from(industries)
    .where(
      or(
        ilike(industries.code, `${escapeLike(text)}%`),
        ilike(industries.nameZh, like),
        ilike(industries.nameEn, like),
      ),
    )
    .orderBy(asc(industries.level), asc(industries.code))
    .limit(INDUSTRY_SEARCH_LIMIT);
}

export async function listIndustries(db: Db, parent: string | undefined, level: number | undefined) {
  const conditions = [
    parent ? eq(industries.parentCode, parent) : level ? undefined : isNull(industries.parentCode),
  ];
  if (level) conditions.push(eq(industries.level, level));
  return db
    .select()
    .from(industries)
    .where(and(...conditions))
    .orderBy(asc(industries.code));
}

export async function listDigitalEconomyClasses(db: Db) {
  return db.select().from(digitalEconomyClasses).orderBy(asc(digitalEconomyClasses.code));
}

export async function listCodes(db: Db, list: string) {
  return db
    .select({ code: codeLists.code, nameZh: codeLists.nameZh, nameEn: codeLists.nameEn })
    .from(codeLists)
    .where(eq(codeLists.list, list))
    .orderBy(asc(codeLists.position));
}
