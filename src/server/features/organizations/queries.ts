import { eq, type SQL, sql } from 'drizzle-orm';
import type { OrganizationView } from '../../../contracts/organizations.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { organizations, regions } from '../../db/schema.ts';
import { type Actor, organizationScope, projectScope, qualified } from '../../platform/access.ts';

// An origin written as a region code (350102) is shown by its name.
const originName = {
  zh: sql<
    string | null
  >`(select o_r.name_zh from regions o_r where o_r.code = ${qualified(organizations.origin)})`,
  en: sql<
    string | null
  >`(select o_r.name_en from regions o_r where o_r.code = ${qualified(organizations.origin)})`,
};

/** Organizations as the API shows them: with their keeping region and the count of projects the actor can see. */
export function selectOrganizations(db: DbOrTx, actor: Actor) {
  const visibleProjects = sql<number>`(select count(*)::int from project_investors pi join projects p on p.id = pi.project_id
    where pi.organization_id = ${qualified(organizations.id)} and ${projectScope(actor, sql.raw('p.id'), sql.raw('p.region_code'))})`;
  return db
    .select({
      organization: organizations,
      region: regions,
      projectCount: visibleProjects,
      originZh: originName.zh,
      originEn: originName.en,
    })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .$dynamic();
}

export type OrganizationRow = {
  organization: typeof organizations.$inferSelect;
  region: typeof regions.$inferSelect;
  projectCount: number;
  originZh: string | null;
  originEn: string | null;
};

export function toOrganizationView(row: OrganizationRow): OrganizationView {
  const { organization: o, region } = row;
  return {
    id: o.id,
    nameZh: o.nameZh,
    nameEn: o.nameEn,
    usci: o.usci,
    type: o.type,
    origin: o.origin,
    originName: row.originZh ? { zh: row.originZh, en: row.originEn } : null,
    region: { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn },
    projectCount: row.projectCount,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

/** Live (not merged) organizations visible to the actor. */
export function visibleOrganizations(actor: Actor): SQL {
  return sql`${organizations.mergedIntoId} is null and ${organizationScope(actor, organizations.id, organizations.regionCode)}`;
}
