import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { EventView } from '../../../contracts/events.ts';
import { yiDisplays } from '../../../domain/amount.ts';
import { checkEventParent, MAX_EVENT_DEPTH } from '../../../domain/event-tree.ts';
import type { RuleError } from '../../../domain/result.ts';
import type { DbOrTx } from '../../db/connect.ts';
import {
  agreements,
  eventAgendaItems,
  eventOrganizations,
  eventSigningSlots,
  events,
  eventVenues,
  organizations,
  type regions,
} from '../../db/schema.ts';
import { type Actor, agreementScope, eventScope } from '../../platform/access.ts';

type EventRow = typeof events.$inferSelect;
type RegionRow = typeof regions.$inferSelect;

/**
 * A `with` clause naming `tree`: the event and every part of it, down to MAX_EVENT_DEPTH levels, so that a
 * cycle written around the service still ends (its rows then repeat, which `in (select id from tree)` ignores).
 */
export function eventTree(eventId: string): SQL {
  return sql`with recursive tree(id, depth) as (
      select id, 1 from events where id = ${eventId}
      union all select e.id, tree.depth + 1 from events e join tree on e.parent_id = tree.id
        where tree.depth < ${sql.raw(String(MAX_EVENT_DEPTH))})`;
}

/** The event and its ancestors, itself first; read one level past the limit so an over-deep chain shows. */
export async function eventChainUp(db: DbOrTx, eventId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`with recursive up(id, parent_id, depth) as (
      select id, parent_id, 1 from events where id = ${eventId}
      union all select e.id, e.parent_id, up.depth + 1 from events e join up on e.id = up.parent_id
        where up.depth <= ${sql.raw(String(MAX_EVENT_DEPTH))})
    select id from up order by depth`);
  return rows.map((row) => row.id);
}

/** Levels of the event's subtree, itself included (1 when it has no parts), counted up to the limit + 1. */
export async function eventSubtreeLevels(db: DbOrTx, eventId: string): Promise<number> {
  const [row] = await db.execute<{ levels: number }>(sql`with recursive down(id, depth) as (
      select id, 1 from events where id = ${eventId}
      union all select e.id, down.depth + 1 from events e join down on e.parent_id = down.id
        where down.depth <= ${sql.raw(String(MAX_EVENT_DEPTH))})
    select coalesce(max(depth), 1)::int as levels from down`);
  return row?.levels ?? 1;
}

/** Which agreements (alias `a`) a total covers: all but voided ones (the event page), or only signed ones. */
export type AgreementScope = 'recorded' | 'signed';
export const AGREEMENT_SCOPE: Record<AgreementScope, SQL> = {
  recorded: sql`a.status <> 'voided'`,
  // Signed once signed_on is set, unless later voided, declined or expired; a draft never (docs/metrics.md).
  signed: sql`a.signed_on is not null and a.status not in ('draft', 'voided', 'declined', 'expired')`,
};

/**
 * What was signed at an event and every part of it: agreements, and the distinct projects they cover with
 * their planned investment counted once per project, however many agreements or parts name it.
 */
export async function eventTotals(
  db: DbOrTx,
  eventId: string,
  scope: AgreementScope = 'recorded',
  visible: SQL = sql`true`,
): Promise<EventView['totals']> {
  const tree = eventTree(eventId);
  const covered = sql`${AGREEMENT_SCOPE[scope]} and ${visible}`;
  const byType = await db.execute<{ type_code: string; count: number }>(sql`${tree}
    select a.type_code, count(*)::int as count from agreements a
    where a.event_id in (select id from tree) and ${covered}
    group by a.type_code order by a.type_code`);
  const [projectTotals] = await db.execute<{ projects: number; yuan: string }>(sql`${tree}
    select count(*)::int as projects, coalesce(sum(p.investment_yuan), 0)::text as yuan from projects p
    where p.id in (select ap.project_id from agreement_projects ap join agreements a on a.id = ap.agreement_id
                   where a.event_id in (select id from tree) and ${covered})`);
  const investmentYuan = Number(projectTotals?.yuan ?? 0);
  return {
    agreements: byType.reduce((sum, row) => sum + row.count, 0),
    byType: byType.map((row) => ({ typeCode: row.type_code, count: row.count })),
    projects: projectTotals?.projects ?? 0,
    investmentYuan,
    ...yiDisplays(investmentYuan),
  };
}

/** Advisory lock key taken while an event is placed under a parent. */
const EVENT_TREE_LOCK = 727275;

/** Why an event cannot go under the parent (itself, a loop, too deep), or null; call inside the write's transaction. */
export async function eventPlacementProblem(
  db: DbOrTx,
  eventId: string | null,
  parentId: string,
): Promise<RuleError | null> {
  // One placement at a time: two moves checked side by side could together close a loop.
  await db.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(EVENT_TREE_LOCK))})`);
  const chain = await eventChainUp(db, parentId);
  const levels = eventId ? await eventSubtreeLevels(db, eventId) : 1;
  return checkEventParent(eventId, chain, levels);
}

/** Agreements (alias `a`) the actor may see: an event shows only what the agreements list would. */
export const visibleAgreements = (actor: Actor): SQL =>
  agreementScope(actor, sql.raw('a.id'), sql.raw('a.region_code'));

/**
 * The whole event as the API shows it: organizers, venues, agenda, and of the run sheet, parts and totals
 * only the agreements and parts the actor may see.
 */
export async function eventView(
  db: DbOrTx,
  actor: Actor,
  event: EventRow,
  region: RegionRow,
): Promise<EventView> {
  const organizers = await db
    .select({ link: eventOrganizations, organization: organizations })
    .from(eventOrganizations)
    .innerJoin(organizations, eq(organizations.id, eventOrganizations.organizationId))
    .where(eq(eventOrganizations.eventId, event.id))
    .orderBy(asc(eventOrganizations.role), asc(eventOrganizations.position));
  const venues = await db
    .select()
    .from(eventVenues)
    .where(eq(eventVenues.eventId, event.id))
    .orderBy(asc(eventVenues.position));
  const agenda = await db
    .select()
    .from(eventAgendaItems)
    .where(eq(eventAgendaItems.eventId, event.id))
    .orderBy(asc(eventAgendaItems.startsAt), asc(eventAgendaItems.position));
  const slots = await db
    .select({ slot: eventSigningSlots, agreement: agreements })
    .from(eventSigningSlots)
    .innerJoin(agreements, eq(agreements.id, eventSigningSlots.agreementId))
    .where(
      and(
        eq(eventSigningSlots.eventId, event.id),
        agreementScope(actor, agreements.id, agreements.regionCode),
      ),
    )
    .orderBy(asc(eventSigningSlots.startsAt), asc(eventSigningSlots.position));
  const children = await db
    .select({ id: events.id, kind: events.kind, nameZh: events.nameZh, nameEn: events.nameEn })
    .from(events)
    .where(and(eq(events.parentId, event.id), eventScope(actor, events.id, events.regionCode)))
    .orderBy(asc(events.startsOn), asc(events.nameZh));
  return {
    id: event.id,
    parentId: event.parentId,
    kind: event.kind,
    nameZh: event.nameZh,
    nameEn: event.nameEn,
    region: { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn },
    startsOn: event.startsOn,
    endsOn: event.endsOn,
    isOnline: event.isOnline,
    organizations: organizers.map(({ link, organization }) => ({
      organizationId: organization.id,
      nameZh: organization.nameZh,
      nameEn: organization.nameEn,
      role: link.role,
    })),
    venues: venues.map((v) => ({
      id: v.id,
      kind: v.kind,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      regionCode: v.regionCode,
      address: v.address,
      onlineUrl: v.onlineUrl,
    })),
    agenda: agenda.map((a) => ({
      id: a.id,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      venueId: a.venueId,
    })),
    runSheet: slots.map(({ slot, agreement }) => ({
      id: slot.id,
      agreementId: agreement.id,
      titleZh: agreement.titleZh,
      titleEn: agreement.titleEn,
      typeCode: agreement.typeCode,
      status: agreement.status,
      venueId: slot.venueId,
      startsAt: slot.startsAt.toISOString(),
    })),
    children,
    totals: await eventTotals(db, event.id, 'recorded', visibleAgreements(actor)),
    version: event.version,
  };
}

/** Venues of an event in their listed order, for resolving the venue indexes of agenda and run sheet. */
export async function venueIds(db: DbOrTx, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ id: eventVenues.id })
    .from(eventVenues)
    .where(eq(eventVenues.eventId, eventId))
    .orderBy(asc(eventVenues.position));
  return rows.map((row) => row.id);
}

/** Which of the given agreements belong to the event or one of its parts and are visible to the actor. */
export async function agreementsOfEventTree(
  db: DbOrTx,
  actor: Actor,
  eventId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute<{ id: string }>(sql`${eventTree(eventId)}
    select a.id from agreements a
    where a.event_id in (select id from tree) and ${visibleAgreements(actor)} and a.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  return new Set(rows.map((row) => row.id));
}
