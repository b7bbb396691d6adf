import { and, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type {
  CreateOrganizationBody,
  ListOrganizationsQuery,
  OrganizationView,
  UpdateOrganizationBody,
} from '../../../contracts/organizations.ts';
import { nameSimilarity, organizationNameKey } from '../../../domain/organization-name.ts';
import { queryTokens, toTsquery } from '../../../domain/search-tokens.ts';
import { validateUsci } from '../../../domain/usci.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { organizations, regions } from '../../db/schema.ts';
import {
  type Actor,
  assertCan,
  canChangeRegionOwned,
  isInScope,
  organizationScope,
} from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { valueTaken } from '../../platform/conflicts.ts';
import { type AppError, conflict, forbidden, invalidField, notFound } from '../../platform/errors.ts';
import { afterCursor, decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { searchCondition, searchTextOf, searchVector } from '../../platform/search.ts';
import { selectOrganizations, toOrganizationView, visibleOrganizations } from './queries.ts';

export const ORGANIZATION = { zh: '单位', en: 'Organization' };
/** Names at least this similar (Dice over bigrams of the name key) are offered as duplicates. */
export const SIMILAR_NAME_THRESHOLD = 0.75;

export async function getOrganization(db: DbOrTx, actor: Actor, id: string): Promise<OrganizationView> {
  assertCan(actor, 'organization.read');
  const [row] = await selectOrganizations(db, actor).where(
    and(eq(organizations.id, id), visibleOrganizations(actor)),
  );
  if (!row) throw notFound(ORGANIZATION, id);
  return toOrganizationView(row);
}

export async function listOrganizations(db: Db, actor: Actor, query: ListOrganizationsQuery) {
  assertCan(actor, 'organization.read');
  const conditions: SQL[] = [visibleOrganizations(actor)];
  if (query.q)
    conditions.push(searchCondition(query.q, organizations.searchTokens, organizations.searchText));
  if (query.type) conditions.push(inArray(organizations.type, query.type));
  if (query.region) {
    await assertRegionFilter(db, actor, query.region);
    conditions.push(sql`${organizations.regionCode} like ${`${query.region}%`}`);
  }
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor);
    conditions.push(
      afterCursor(sql`${organizations.updatedAt}`, sql`${organizations.id}`, cursor, 'desc', 'timestamptz'),
    );
  }
  const rows = await selectOrganizations(db, actor)
    .where(and(...conditions))
    .orderBy(desc(organizations.updatedAt), desc(organizations.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toOrganizationView),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ value: last.organization.updatedAt.toISOString(), id: last.organization.id })
        : null,
  };
}

/**
 * A region named in a filter or a form must exist and lie inside the actor's scope: asking for another
 * city's rows is refused, not emptied. Returns the region's subtree prefix.
 */
export async function assertRegionFilter(
  db: DbOrTx,
  actor: Actor,
  regionCode: string,
  field = 'region',
): Promise<string> {
  const [region] = await db
    .select({ code: regions.code, scopePrefix: regions.scopePrefix })
    .from(regions)
    .where(eq(regions.code, regionCode));
  if (!region)
    throw invalidField(field, {
      code: 'region.unknown',
      zh: `地区代码不存在：${regionCode}`,
      en: `No such region code: ${regionCode}`,
    });
  if (!isInScope(actor, regionCode))
    throw forbidden(`地区 ${regionCode} 不在您的辖区内`, `Region ${regionCode} is outside your scope`);
  return region.scopePrefix;
}

function checkedUsci(usci: string | null | undefined): string | null {
  if (!usci) return null;
  const result = validateUsci(usci);
  if (!result.ok) throw invalidField('usci', result.error);
  return result.value;
}

async function assertUsciFree(db: DbOrTx, actor: Actor, usci: string | null, exceptId?: string) {
  if (!usci) return;
  const conditions = [eq(organizations.usci, usci), sql`${organizations.mergedIntoId} is null`];
  if (exceptId) conditions.push(ne(organizations.id, exceptId));
  const [existing] = await db
    .select({
      id: organizations.id,
      label: organizations.nameZh,
      isReadable: sql<boolean>`${organizationScope(actor, organizations.id, organizations.regionCode)}`,
    })
    .from(organizations)
    .where(and(...conditions));
  if (existing)
    throw valueTaken({
      code: 'organization.usci_exists',
      field: 'usci',
      value: { zh: '统一社会信用代码', en: 'Credit code', text: usci },
      holder: { zh: '单位', en: 'organization' },
      taken: existing,
    });
}

function searchColumns(input: { nameZh: string; nameEn?: string | null; usci?: string | null }) {
  const text = searchTextOf([input.nameZh, input.nameEn, input.usci]);
  return { searchText: text, searchTokens: searchVector(text), nameKey: organizationNameKey(input.nameZh) };
}

export async function createOrganization(
  db: DbOrTx,
  actor: Actor,
  input: CreateOrganizationBody,
): Promise<OrganizationView> {
  assertCan(actor, 'organization.write');
  const regionCode = input.regionCode ?? actor.regionCode;
  await assertRegionFilter(db, actor, regionCode, 'regionCode');
  const usci = checkedUsci(input.usci);
  await assertUsciFree(db, actor, usci);
  const [row] = await db
    .insert(organizations)
    .values({
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      usci,
      type: input.type,
      origin: input.origin ?? null,
      regionCode,
      ...searchColumns({ ...input, usci }),
    })
    .returning({ id: organizations.id });
  if (!row) throw new Error('insert returned no row');
  const view = await getOrganization(db, actor, row.id);
  await recordAudit(db, actor, {
    entity: 'organization',
    entityId: row.id,
    action: 'create',
    after: view,
    regionCode,
  });
  return view;
}

async function loadForChange(db: DbOrTx, actor: Actor, id: string) {
  assertCan(actor, 'organization.write');
  const [current] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), visibleOrganizations(actor)));
  if (!current) throw notFound(ORGANIZATION, id);
  if (current.mergedIntoId) throw notFound(ORGANIZATION, id);
  if (!canChangeRegionOwned(actor, current.regionCode)) {
    throw forbidden(
      '该单位由其他地区维护，您只能查看',
      'This organization is kept by another region; you may only view it',
    );
  }
  return current;
}

export async function updateOrganization(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: UpdateOrganizationBody,
): Promise<OrganizationView> {
  const current = await loadForChange(db, actor, id);
  const before = await getOrganization(db, actor, id);
  if (input.regionCode !== undefined) await assertRegionFilter(db, actor, input.regionCode, 'regionCode');
  const usci = input.usci !== undefined ? checkedUsci(input.usci) : current.usci;
  if (usci !== current.usci) await assertUsciFree(db, actor, usci, id);
  const next = {
    nameZh: input.nameZh ?? current.nameZh,
    nameEn: input.nameEn !== undefined ? input.nameEn : current.nameEn,
    usci,
    type: input.type ?? current.type,
    origin: input.origin !== undefined ? input.origin : current.origin,
    regionCode: input.regionCode ?? current.regionCode,
  };
  const updated = await db
    .update(organizations)
    .set({
      ...next,
      ...searchColumns(next),
      version: sql`${organizations.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(organizations.id, id), eq(organizations.version, input.version)))
    .returning({ id: organizations.id });
  if (updated.length === 0) throw staleVersion(current.version, input.version);
  const after = await getOrganization(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'organization',
    entityId: id,
    action: 'update',
    before,
    after,
    regionCode: next.regionCode,
  });
  return after;
}

export function staleVersion(current: number, given: number): AppError {
  return conflict(
    'stale_version',
    `记录已被他人修改（当前版本 ${current}，您提交的是 ${given}），请刷新后重试`,
    `Someone else changed this record (version ${current}, you sent ${given}); reload and try again`,
    [{ code: 'stale_version', field: 'version', zh: '版本已过期', en: 'Stale version' }],
  );
}

/** Candidates that look like the same organization: the same credit code, or a near-identical name. */
export async function findDuplicates(
  db: Db,
  actor: Actor,
  input: { nameZh: string; usci?: string | null; excludeId?: string },
) {
  assertCan(actor, 'organization.read');
  const usci = input.usci ? validateUsci(input.usci) : null;
  const key = organizationNameKey(input.nameZh);
  const tokens = queryTokens(key);
  const nameMatch = tokens.length
    ? sql`(${organizations.nameKey} = ${key} or ${organizations.searchTokens} @@ to_tsquery('simple', ${toTsquery(tokens).replaceAll(' & ', ' | ')}))`
    : sql`${organizations.nameKey} = ${key}`;
  const conditions = [
    visibleOrganizations(actor),
    usci?.ok ? or(eq(organizations.usci, usci.value), nameMatch) : nameMatch,
  ];
  if (input.excludeId) conditions.push(ne(organizations.id, input.excludeId));
  const rows = await selectOrganizations(db, actor)
    .where(and(...conditions))
    .limit(500);
  return rows
    .map((row) => {
      const similarity = nameSimilarity(input.nameZh, row.organization.nameZh);
      const reasons: ('same_usci' | 'similar_name')[] = [];
      if (usci?.ok && row.organization.usci === usci.value) reasons.push('same_usci');
      if (similarity >= SIMILAR_NAME_THRESHOLD) reasons.push('similar_name');
      return {
        organization: toOrganizationView(row),
        reasons,
        similarity: Math.round(similarity * 1000) / 1000,
      };
    })
    .filter((candidate) => candidate.reasons.length > 0)
    .sort((a, b) => b.reasons.length - a.reasons.length || b.similarity - a.similarity)
    .slice(0, 20);
}
