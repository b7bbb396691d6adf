import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { ScreenSigning, ScreenSnapshot } from '../../../contracts/screen.ts';
import { formatYi } from '../../../domain/amount.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { agreementParties, events, eventVenues, organizations } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { AGREEMENT_SCOPE, eventTotals, eventTree } from '../events/queries.ts';
import { EVENT } from '../events/service.ts';

const SIGNED = AGREEMENT_SCOPE.signed;
const LATEST_SIGNINGS = 20;

type Names = { nameZh: string; nameEn: string | null };
type Slice = ScreenSnapshot['byIndustry'][number];

/**
 * The screen's figures for an event and all its parts, read in one repeatable-read transaction so the
 * counters, the feed and the breakdowns describe the same moment.
 */
export async function screenSnapshot(
  db: Db,
  eventId: string,
  provinceName: (code: string, nameZh: string) => string,
): Promise<ScreenSnapshot> {
  return db.transaction(
    async (tx) => {
      const [event] = await tx.select().from(events).where(eq(events.id, eventId));
      if (!event) throw notFound(EVENT, eventId);
      const venues = await tx
        .select({ kind: eventVenues.kind, nameZh: eventVenues.nameZh, nameEn: eventVenues.nameEn })
        .from(eventVenues)
        .where(eq(eventVenues.eventId, eventId))
        .orderBy(asc(eventVenues.position));
      const parts = await tx.execute<{
        id: string;
        parent_id: string;
        name_zh: string;
        name_en: string | null;
      }>(
        sql`${eventTree(eventId)}
          select e.id, e.parent_id, e.name_zh, e.name_en from events e
          where e.id in (select id from tree) and e.id <> ${eventId}
          order by e.starts_on, e.name_zh, e.id`,
      );
      const totals = await eventTotals(tx, eventId, 'signed');
      const [pending] = await tx.execute<{ count: number }>(sql`${eventTree(eventId)}
        select count(*)::int as count from agreements a
        where a.event_id in (select id from tree) and a.status = 'signing' and a.signed_on is null`);
      const slices = await breakdowns(tx, eventId);
      return {
        event: {
          id: event.id,
          kind: event.kind,
          nameZh: event.nameZh,
          nameEn: event.nameEn,
          startsOn: event.startsOn,
          endsOn: event.endsOn,
          isOnline: event.isOnline,
          venues,
          parts: parts.map((p) => ({
            id: p.id,
            parentId: p.parent_id,
            nameZh: p.name_zh,
            nameEn: p.name_en,
          })),
        },
        totals: { ...totals, pending: pending?.count ?? 0 },
        signings: await latestSignings(tx, eventId),
        byIndustry: slices.industry,
        byCity: slices.city,
        byProvince: slices.province.map((slice) => ({
          ...slice,
          mapName: provinceName(slice.code, slice.nameZh),
        })),
        generatedAt: new Date().toISOString(),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

type SigningRow = {
  id: string;
  event_id: string;
  title_zh: string;
  title_en: string | null;
  type_code: string;
  amount_yuan: string | null;
  signed_on: string;
  signed_at: Date | string | null;
  region_code: string;
  region_zh: string;
  region_en: string | null;
  part_zh: string;
  part_en: string | null;
  slot_zh: string | null;
  slot_en: string | null;
  venue_zh: string | null;
  venue_en: string | null;
  event_venue_zh: string | null;
  event_venue_en: string | null;
};

/** The latest signed agreements with their parties, venue (run-sheet slot, else the part's own venue) and region. */
async function latestSignings(db: DbOrTx, eventId: string): Promise<ScreenSigning[]> {
  const rows = await db.execute<SigningRow>(sql`${eventTree(eventId)}
    select a.id, a.event_id, a.title_zh, a.title_en, a.type_code, a.amount_yuan::text as amount_yuan,
      a.signed_on::text as signed_on, a.signed_at,
      r.code as region_code, r.name_zh as region_zh, r.name_en as region_en,
      e.name_zh as part_zh, e.name_en as part_en, e.venue_zh as event_venue_zh, e.venue_en as event_venue_en,
      slot.name_zh as slot_zh, slot.name_en as slot_en, venue.name_zh as venue_zh, venue.name_en as venue_en
    from agreements a
    join regions r on r.code = a.region_code
    join events e on e.id = a.event_id
    left join lateral (
      select v.name_zh, v.name_en from event_signing_slots s join event_venues v on v.id = s.venue_id
      where s.agreement_id = a.id order by s.starts_at limit 1) slot on true
    left join lateral (
      select v.name_zh, v.name_en from event_venues v where v.event_id = a.event_id
      order by (v.kind = 'online'), v.position limit 1) venue on true
    where a.event_id in (select id from tree) and ${SIGNED}
    order by a.signed_on desc, a.signed_at desc nulls last, a.created_at desc, a.id
    limit ${LATEST_SIGNINGS}`);
  if (rows.length === 0) return [];
  const parties = await db
    .select({
      agreementId: agreementParties.agreementId,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
    })
    .from(agreementParties)
    .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .where(
      inArray(
        agreementParties.agreementId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(asc(agreementParties.position));
  return rows.map((row) => {
    const amount = row.amount_yuan === null ? null : Number(row.amount_yuan);
    return {
      agreementId: row.id,
      signedAt: row.signed_at === null ? null : new Date(row.signed_at).toISOString(),
      signedOn: row.signed_on,
      titleZh: row.title_zh,
      titleEn: row.title_en,
      typeCode: row.type_code,
      parties: parties
        .filter((p) => p.agreementId === row.id)
        .map((p) => ({ nameZh: p.nameZh, nameEn: p.nameEn })),
      amountYuan: amount,
      amountZh: amount === null ? null : formatYi(amount, 'zh-CN'),
      amountEn: amount === null ? null : formatYi(amount, 'en-US'),
      venue: venueOf(row),
      part: row.event_id === eventId ? null : { id: row.event_id, nameZh: row.part_zh, nameEn: row.part_en },
      region: { code: row.region_code, nameZh: row.region_zh, nameEn: row.region_en },
    };
  });
}

function venueOf(row: SigningRow): Names | null {
  if (row.slot_zh) return { nameZh: row.slot_zh, nameEn: row.slot_en };
  if (row.venue_zh) return { nameZh: row.venue_zh, nameEn: row.venue_en };
  if (row.event_venue_zh) return { nameZh: row.event_venue_zh, nameEn: row.event_venue_en };
  return null;
}

type SliceRow = {
  dimension: 'industry' | 'city' | 'province';
  code: string;
  projects: number;
  yuan: string;
  name_zh: string;
  name_en: string | null;
};

/**
 * The distinct projects of the signed agreements, by GB/T 4754 section, by city and by province: each project
 * once per slice, so each breakdown adds up to the investment total.
 */
async function breakdowns(db: DbOrTx, eventId: string): Promise<Record<SliceRow['dimension'], Slice[]>> {
  const rows = await db.execute<SliceRow>(sql`${eventTree(eventId)},
    signed_projects as (
      select p.investment_yuan, p.industry_code, p.region_code from projects p
      where p.id in (select ap.project_id from agreement_projects ap join agreements a on a.id = ap.agreement_id
                     where a.event_id in (select id from tree) and ${SIGNED})),
    keyed as (
      select 'industry' as dimension, coalesce(division.parent_code, sp.industry_code) as code, sp.investment_yuan
      from signed_projects sp
      left join industries division on division.level = 2 and division.code = left(sp.industry_code, 2)
      union all
      select 'city', left(sp.region_code, 4) || '00', sp.investment_yuan from signed_projects sp
      union all
      select 'province', left(sp.region_code, 2) || '0000', sp.investment_yuan from signed_projects sp)
    select k.dimension, k.code, count(*)::int as projects, sum(k.investment_yuan)::text as yuan,
      coalesce(i.name_zh, r.name_zh, k.code) as name_zh, coalesce(i.name_en, r.name_en) as name_en
    from keyed k
    left join industries i on k.dimension = 'industry' and i.code = k.code
    left join regions r on k.dimension <> 'industry' and r.code = k.code
    group by k.dimension, k.code, i.name_zh, i.name_en, r.name_zh, r.name_en
    order by k.dimension, sum(k.investment_yuan) desc, k.code`);
  const result: Record<SliceRow['dimension'], Slice[]> = { industry: [], city: [], province: [] };
  for (const row of rows) {
    result[row.dimension].push({
      code: row.code,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      projects: row.projects,
      investmentYuan: Number(row.yuan),
    });
  }
  return result;
}

/** The event and every event above it: a message about a sub-event concerns screens of its ancestors. */
export async function eventAncestors(db: DbOrTx, eventId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(sql`with recursive up as (
      select id, parent_id from events where id = ${eventId}
      union all select e.id, e.parent_id from events e join up on e.id = up.parent_id)
    select id from up`);
  return rows.map((row) => row.id);
}
