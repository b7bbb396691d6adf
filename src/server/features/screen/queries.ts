import { asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { SIGNINGS_SHOWN } from '../../../contracts/screen.ts';
import { formatYi } from '../../../domain/amount.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { agreementParties, events, eventVenues, organizations } from '../../db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import { AGREEMENT_SCOPE, eventChainUp, eventTree } from '../events/queries.ts';
import { EVENT } from '../events/service.ts';
import type { FeedItem, ScreenEntry, ScreenProject, ScreenState } from './figures.ts';

const SIGNED = AGREEMENT_SCOPE.signed;
type Names = { nameZh: string; nameEn: string | null };

/** Agreements (alias `a`) of the event and all its parts; the query starts with eventTree(eventId). */
const IN_TREE = sql`a.event_id in (select id from tree)`;

/**
 * The screen's state for an event and all its parts, read in one repeatable-read transaction so the
 * counters, the feed and the breakdowns describe the same moment.
 */
export async function screenState(db: Db, eventId: string): Promise<ScreenState> {
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
      const [pending] = await tx.execute<{ count: number }>(sql`${eventTree(eventId)}
        select count(*)::int as count from agreements a
        where ${IN_TREE} and a.status = 'signing' and a.signed_on is null`);
      const signed = await tx.execute<{ id: string; type_code: string }>(sql`${eventTree(eventId)}
        select a.id, a.type_code from agreements a where ${IN_TREE} and ${SIGNED}`);
      const projects = await projectsOf(tx, eventTree(eventId), IN_TREE);
      return {
        event: {
          id: event.id,
          kind: event.kind,
          nameZh: event.nameZh,
          nameEn: event.nameEn,
          regionCode: event.regionCode,
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
        pending: pending?.count ?? 0,
        agreements: new Map(signed.map((row) => [row.id, row.type_code])),
        projects: new Map(projects.map((project) => [project.id, project])),
        feed: await feedItems(tx, eventTree(eventId), IN_TREE, SIGNINGS_SHOWN),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/**
 * A signed agreement as screens add it (read in the transaction that completes it); null when it belongs
 * to no event or does not count as signed.
 */
export async function screenEntry(db: DbOrTx, agreementId: string): Promise<ScreenEntry | null> {
  const only = sql`a.id = ${agreementId} and a.event_id is not null`;
  // Sent together: inside the signing transaction each round trip holds the agreement (and, on the embedded
  // database, the only connection) a little longer.
  const [rows, parties, projects] = await Promise.all([
    feedRows(db, sql``, only, 1),
    partiesOf(db, [agreementId]),
    projectsOf(db, sql``, only),
  ]);
  const [item] = feedItemsOf(rows, parties);
  return item ? { ...item, projects } : null;
}

type FeedRow = {
  id: string;
  event_id: string;
  title_zh: string;
  title_en: string | null;
  type_code: string;
  amount_yuan: string | null;
  signed_on: string;
  signed_at: Date | string | null;
  created_at: Date | string;
  region_code: string;
  region_zh: string;
  region_en: string | null;
  event_zh: string;
  event_en: string | null;
  slot_zh: string | null;
  slot_en: string | null;
  venue_zh: string | null;
  venue_en: string | null;
  event_venue_zh: string | null;
  event_venue_en: string | null;
};

/**
 * The latest signed agreements among `which` (alias `a`, after the `with` clause `prelude`) with their
 * parties, venue (run-sheet slot, else the event's own venue) and region.
 */
async function feedItems(db: DbOrTx, prelude: SQL, which: SQL, limit: number): Promise<FeedItem[]> {
  const rows = await feedRows(db, prelude, which, limit);
  if (rows.length === 0) return [];
  return feedItemsOf(
    rows,
    await partiesOf(
      db,
      rows.map((row) => row.id),
    ),
  );
}

function feedRows(db: DbOrTx, prelude: SQL, which: SQL, limit: number) {
  return db.execute<FeedRow>(sql`${prelude}
    select a.id, a.event_id, a.title_zh, a.title_en, a.type_code, a.amount_yuan::text as amount_yuan,
      a.signed_on::text as signed_on, a.signed_at, a.created_at,
      r.code as region_code, r.name_zh as region_zh, r.name_en as region_en,
      e.name_zh as event_zh, e.name_en as event_en, e.venue_zh as event_venue_zh, e.venue_en as event_venue_en,
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
    where ${which} and ${SIGNED}
    order by a.signed_on desc, a.signed_at desc nulls last, a.created_at desc, a.id
    limit ${limit}`);
}

/** The parties of the agreements, in their order on each. */
function partiesOf(db: DbOrTx, agreementIds: string[]) {
  return db
    .select({
      agreementId: agreementParties.agreementId,
      nameZh: organizations.nameZh,
      nameEn: organizations.nameEn,
    })
    .from(agreementParties)
    .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.position));
}

function feedItemsOf(rows: FeedRow[], parties: Awaited<ReturnType<typeof partiesOf>>): FeedItem[] {
  return rows.map((row) => {
    const amount = row.amount_yuan === null ? null : Number(row.amount_yuan);
    return {
      card: {
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
        region: { code: row.region_code, nameZh: row.region_zh, nameEn: row.region_en },
      },
      event: { id: row.event_id, nameZh: row.event_zh, nameEn: row.event_en },
      createdAt: new Date(row.created_at).toISOString(),
    };
  });
}

function venueOf(row: FeedRow): Names | null {
  if (row.slot_zh) return { nameZh: row.slot_zh, nameEn: row.slot_en };
  if (row.venue_zh) return { nameZh: row.venue_zh, nameEn: row.venue_en };
  if (row.event_venue_zh) return { nameZh: row.event_venue_zh, nameEn: row.event_venue_en };
  return null;
}

type ProjectRow = {
  id: string;
  investment_yuan: string;
  industry_code: string;
  industry_zh: string;
  industry_en: string | null;
  county_code: string;
  county_zh: string;
  county_en: string | null;
  city_code: string;
  city_zh: string;
  city_en: string | null;
  province_code: string;
  province_zh: string;
  province_en: string | null;
};

/**
 * The distinct projects of the signed agreements among `which` with their GB/T 4754 section (a class's
 * division names its section), city and province, each named from the reference data or else by its code.
 */
async function projectsOf(db: DbOrTx, prelude: SQL, which: SQL): Promise<ScreenProject[]> {
  const rows = await db.execute<ProjectRow>(sql`${prelude}
    select p.id, p.investment_yuan::text as investment_yuan,
      k.industry_code, coalesce(industry.name_zh, k.industry_code) as industry_zh, industry.name_en as industry_en,
      k.county_code, coalesce(county.name_zh, k.county_code) as county_zh, county.name_en as county_en,
      k.city_code, coalesce(city.name_zh, k.city_code) as city_zh, city.name_en as city_en,
      k.province_code, coalesce(province.name_zh, k.province_code) as province_zh, province.name_en as province_en
    from projects p
    left join industries division on division.level = 2 and division.code = left(p.industry_code, 2)
    cross join lateral (select coalesce(division.parent_code, p.industry_code) as industry_code,
      left(p.region_code, 6) as county_code, left(p.region_code, 4) || '00' as city_code, left(p.region_code, 2) || '0000' as province_code) k
    left join industries industry on industry.code = k.industry_code
    left join regions county on county.code = k.county_code
    left join regions city on city.code = k.city_code
    left join regions province on province.code = k.province_code
    where p.id in (select ap.project_id from agreement_projects ap join agreements a on a.id = ap.agreement_id
                   where ${which} and ${SIGNED})`);
  return rows.map((row) => ({
    id: row.id,
    investmentYuan: Number(row.investment_yuan),
    industry: { code: row.industry_code, nameZh: row.industry_zh, nameEn: row.industry_en },
    county: { code: row.county_code, nameZh: row.county_zh, nameEn: row.county_en },
    city: { code: row.city_code, nameZh: row.city_zh, nameEn: row.city_en },
    province: { code: row.province_code, nameZh: row.province_zh, nameEn: row.province_en },
  }));
}

/** The event and every event above it: a message about a sub-event concerns screens of its ancestors. */
export async function eventAncestors(db: DbOrTx, eventId: string): Promise<string[]> {
  return [...new Set(await eventChainUp(db, eventId))];
}
