import { type AnyColumn, Column, getTableName, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../db/schema.ts';
import { forbidden } from './errors.ts';

/** The signed-in user as every service sees it. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  /** Code prefix of the home region's subtree ('' for the whole country). */
  scopePrefix: string;
  organizationId: string | null;
  locale: 'zh-CN' | 'en-US';
}

export type Permission =
  | 'project.read'
  | 'project.write'
  | 'organization.read'
  | 'organization.write'
  | 'organization.merge'
  | 'event.read'
  | 'event.write'
  | 'user.manage'
  | 'audit.read'
  | 'webhook.manage';

const PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'project.read',
    'project.write',
    'organization.read',
    'organization.write',
    'organization.merge',
    'event.read',
    'event.write',
    'user.manage',
    'audit.read',
    'webhook.manage',
  ],
  leader: ['project.read', 'organization.read', 'event.read', 'audit.read'],
  officer: [
    'project.read',
    'project.write',
    'organization.read',
    'organization.write',
    'organization.merge',
    'event.read',
    'event.write',
    'audit.read',
  ],
  organizer: ['project.read', 'organization.read', 'organization.write', 'event.read', 'event.write'],
  service: ['project.read', 'organization.read'],
  enterprise: ['project.read', 'organization.read', 'event.read'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return PERMISSIONS[actor.role].includes(permission);
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw forbidden(`当前角色无权执行此操作（${permission}）`, `Your role may not do this (${permission})`);
  }
}

/**
 * A column reference with its table name. Drizzle leaves columns unqualified in one-table queries, and inside
 * a correlated subquery an unqualified "id" would bind to the subquery's own table.
 */
export function qualified(column: AnyColumn | SQL): SQL {
  if (!(column instanceof Column)) return sql`${column}`;
  return sql.raw(`"${getTableName(column.table)}"."${column.name}"`);
}

/** True when a region code lies inside the actor's region subtree. */
export function isInScope(actor: Actor, regionCode: string): boolean {
  return regionCode.startsWith(actor.scopePrefix);
}

/** SQL condition: the region column lies in the actor's subtree (uses the text_pattern_ops index). */
export function regionScope(actor: Actor, regionColumn: AnyColumn | SQL): SQL {
  if (actor.scopePrefix === '') return sql`true`;
  return sql`${qualified(regionColumn)} like ${`${escapeLike(actor.scopePrefix)}%`}`;
}

/**
 * SQL condition on projects: the rows this actor may see. Officers and leaders see their region subtree;
 * an enterprise user sees only projects its organization invests in.
 */
export function projectScope(
  actor: Actor,
  projectIdColumn: AnyColumn | SQL,
  regionColumn: AnyColumn | SQL,
): SQL {
  if (actor.role === 'enterprise') {
    if (!actor.organizationId) return sql`false`;
    return sql`exists (select 1 from project_investors pi where pi.project_id = ${qualified(projectIdColumn)} and pi.organization_id = ${actor.organizationId})`;
  }
  return regionScope(actor, regionColumn);
}

/**
 * SQL condition on organizations: kept by a region in scope, or party to a visible project.
 * An enterprise user sees its own organization and its co-investors.
 */
export function organizationScope(
  actor: Actor,
  organizationIdColumn: AnyColumn,
  regionColumn: AnyColumn,
): SQL {
  const viaProjects = sql`exists (select 1 from project_investors pi join projects p on p.id = pi.project_id
    where pi.organization_id = ${qualified(organizationIdColumn)} and ${projectScope(actor, sql.raw('p.id'), sql.raw('p.region_code'))})`;
  if (actor.role === 'enterprise') {
    if (!actor.organizationId) return sql`false`;
    return sql`(${qualified(organizationIdColumn)} = ${actor.organizationId} or ${viaProjects})`;
  }
  if (actor.scopePrefix === '') return sql`true`;
  return sql`(${regionScope(actor, regionColumn)} or ${viaProjects})`;
}

/**
 * SQL condition on events: run by a region in scope. An enterprise user sees the events its organization
 * organizes or signs at.
 */
export function eventScope(actor: Actor, eventIdColumn: AnyColumn | SQL, regionColumn: AnyColumn | SQL): SQL {
  if (actor.role === 'enterprise') {
    if (!actor.organizationId) return sql`false`;
    const event = qualified(eventIdColumn);
    return sql`(exists (select 1 from event_organizations eo where eo.event_id = ${event} and eo.organization_id = ${actor.organizationId})
      or exists (select 1 from agreements a join agreement_parties ap on ap.agreement_id = a.id
        where a.event_id = ${event} and ap.organization_id = ${actor.organizationId}))`;
  }
  return regionScope(actor, regionColumn);
}

/** SQL condition on agreements: kept by a region in scope; an enterprise user sees those it is party to. */
export function agreementScope(
  actor: Actor,
  agreementIdColumn: AnyColumn | SQL,
  regionColumn: AnyColumn | SQL,
): SQL {
  if (actor.role === 'enterprise') {
    if (!actor.organizationId) return sql`false`;
    return sql`exists (select 1 from agreement_parties ap where ap.agreement_id = ${qualified(agreementIdColumn)} and ap.organization_id = ${actor.organizationId})`;
  }
  return regionScope(actor, regionColumn);
}

/**
 * SQL condition on files: a file follows what it is attached to (a stage change's evidence, readable with
 * its project). A file attached to nothing is readable by its uploader alone, so it can be attached.
 */
export function fileScope(actor: Actor, fileIdColumn: AnyColumn, createdByColumn: AnyColumn): SQL {
  const file = qualified(fileIdColumn);
  return sql`(exists (select 1 from stage_evidence se join projects p on p.id = se.project_id
      where se.file_id = ${file} and ${projectScope(actor, sql.raw('p.id'), sql.raw('p.region_code'))})
    or (${qualified(createdByColumn)} = ${actor.id}
      and not exists (select 1 from stage_evidence se where se.file_id = ${file})))`;
}

/** An organization record may be changed only by its keeping region's subtree. */
export function canChangeRegionOwned(actor: Actor, regionCode: string): boolean {
  return actor.role !== 'enterprise' && isInScope(actor, regionCode);
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
