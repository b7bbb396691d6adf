import { eq, type SQL, sql } from 'drizzle-orm';
import type { OrganizationView } from '../../../contracts/organizations.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { organizations, regions } from '../../db/schema.ts';
import { type Actor, organizationScope, projectScope, qualified } from '../../platform/access.ts';

/** Organizations as the API shows them: with their keeping region and the count of projects the actor can see. */
export function selectOrganizations(db: DbOrTx, actor: Actor) {
  const visibleProjects = sql<number>`(select count(*)::int from project_investors pi join projects p on p.id = pi.project_id
    where pi.organization_id = ${qualified(organizations.id)} and ${projectScope(actor, sql.raw('p.id'), sql.raw('p.region_code'))})`;
  return db
    .select({ organization: organizations, region: regions, projectCount: visibleProjects })
    .from(organizations)
    .innerJoin(regions, eq(regions.code, organizations.regionCode))
    .$dynamic();
}

export type OrganizationRow = {
  organization: typeof organizations.$inferSelect;
  region: typeof regions.$inferSelect;
  projectCount: number;
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
