import { asc, eq, type SQL, sql } from 'drizzle-orm';
import type { EventView } from '../../../contracts/events.ts';
import { yiDisplays } from '../../../domain/amount.ts';
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

type EventRow = typeof events.$inferSelect;
type RegionRow = typeof regions.$inferSelect;

/** A `with` clause naming `tree`: the event and every part of it, however deep. */
export function eventTree(eventId: string): SQL {
  return sql`with recursive tree as (
      select id from events where id = ${eventId}
      union all select e.id from events e join tree on e.parent_id = tree.id)`;
}

/** Which agreements (alias `a`) a total covers: all but voided ones (the event page), or only signed ones. */
export type AgreementScope = 'recorded' | 'signed';
export const AGREEMENT_SCOPE: Record<AgreementScope, SQL> = {
  recorded: sql`a.status <> 'voided'`,
  // Signed once signed_on is set, unless later voided, declined or expired (docs/metrics.md).
  signed: sql`a.signed_on is not null and a.status not in ('voided', 'declined', 'expired')`,
};

/**
 * What was signed at an event and every part of it: agreements, and the distinct projects they cover with
 * their planned investment counted once per project, however many agreements or parts name it.
 */
export async function eventTotals(
  db: DbOrTx,
  eventId: string,
  scope: AgreementScope = 'recorded',
): Promise<EventView['totals']> {
  const tree = eventTree(eventId);
  const covered = AGREEMENT_SCOPE[scope];
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

/** The whole event as the API shows it: organizers, venues, agenda, run sheet, parts and totals. */
export async function eventView(db: DbOrTx, event: EventRow, region: RegionRow): Promise<EventView> {
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
    .where(eq(eventSigningSlots.eventId, event.id))
    .orderBy(asc(eventSigningSlots.startsAt), asc(eventSigningSlots.position));
  const children = await db
    .select({ id: events.id, kind: events.kind, nameZh: events.nameZh, nameEn: events.nameEn })
    .from(events)
    .where(eq(events.parentId, event.id))
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
    totals: await eventTotals(db, event.id),
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

/** Which of the given agreements belong to the event or one of its parts. */
export async function agreementsOfEventTree(
  db: DbOrTx,
  eventId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute<{ id: string }>(sql`${eventTree(eventId)}
    select a.id from agreements a
    where a.event_id in (select id from tree) and a.id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`);
  return new Set(rows.map((row) => row.id));
}
