import { and, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type {
  CreateEventBody,
  EventView,
  ListEventsQuery,
  UpdateEventBody,
} from '../../../contracts/events.ts';
import type { Db, DbOrTx } from '../../db/connect.ts';
import { eventOrganizations, events, eventVenues, organizations, regions } from '../../db/schema.ts';
import {
  type Actor,
  assertCan,
  escapeLike,
  eventScope,
  isInScope,
  organizationScope,
} from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, invalidField, notFound } from '../../platform/errors.ts';
import { afterCursor, decodeCursor, encodeCursor } from '../../platform/pagination.ts';
import { assertRegionFilter, staleVersion } from '../organizations/service.ts';
import { eventPlacementProblem, eventView } from './queries.ts';

export const EVENT = { zh: '活动', en: 'Event' };

async function loadEvent(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  const query = db
    .select({ event: events, region: regions })
    .from(events)
    .innerJoin(regions, eq(regions.code, events.regionCode))
    .where(and(eq(events.id, id), eventScope(actor, events.id, events.regionCode)));
  const [row] = forUpdate ? await query.for('update', { of: events }) : await query;
  if (!row) throw notFound(EVENT, id);
  return row;
}

export async function getEvent(db: DbOrTx, actor: Actor, id: string): Promise<EventView> {
  assertCan(actor, 'event.read');
  const { event, region } = await loadEvent(db, actor, id);
  return eventView(db, actor, event, region);
}

export async function listEvents(db: Db, actor: Actor, query: ListEventsQuery) {
  assertCan(actor, 'event.read');
  const conditions: SQL[] = [eventScope(actor, events.id, events.regionCode)];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    const match = or(ilike(events.nameZh, like), ilike(events.nameEn, like));
    if (match) conditions.push(match);
  }
  if (query.kind) conditions.push(eq(events.kind, query.kind));
  if (query.from) conditions.push(sql`${events.endsOn} >= ${query.from}::date`);
  if (query.to) conditions.push(sql`${events.startsOn} <= ${query.to}::date`);
  if (query.isTopLevel === 'true') conditions.push(isNull(events.parentId));
  if (query.cursor)
    conditions.push(
      afterCursor(sql`${events.startsOn}`, sql`${events.id}`, decodeCursor(query.cursor), 'desc', 'date'),
    );
  const rows = await db
    .select({ event: events, region: regions })
    .from(events)
    .innerJoin(regions, eq(regions.code, events.regionCode))
    .where(and(...conditions))
    .orderBy(desc(events.startsOn), desc(events.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ event, region }) => ({
      id: event.id,
      parentId: event.parentId,
      kind: event.kind,
      nameZh: event.nameZh,
      nameEn: event.nameEn,
      region: { code: region.code, nameZh: region.nameZh, nameEn: region.nameEn },
      startsOn: event.startsOn,
      endsOn: event.endsOn,
      isOnline: event.isOnline,
      version: event.version,
    })),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ value: last.event.startsOn, id: last.event.id })
        : null,
  };
}

/** Checks what an event points to: dates in order, a parent in scope, organizations and venue regions that exist. */
async function checkEventInput(db: DbOrTx, actor: Actor, input: Partial<CreateEventBody>, selfId?: string) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw invalidField('endsOn', {
      code: 'event.dates',
      zh: `结束日期 ${input.endsOn} 早于开始日期 ${input.startsOn}`,
      en: `The end ${input.endsOn} is before the start ${input.startsOn}`,
    });
  }
  if (input.parentId) {
    await loadEvent(db, actor, input.parentId).catch(() => {
      throw invalidField('parentId', {
        code: 'event.parent_unknown',
        zh: '上级活动不存在或不在辖区内',
        en: 'No such parent event in your region',
      });
    });
    const problem = await eventPlacementProblem(db, selfId ?? null, input.parentId);
    if (problem) throw invalidField('parentId', problem);
  }
  const orgIds = (input.organizations ?? []).map((o) => o.organizationId);
  if (orgIds.length) {
    const found = await db
      .select({ id: organizations.id })
      .from(organizations)
      // One the actor cannot read reads as absent: naming it would open it to the actor.
      .where(
        and(
          inArray(organizations.id, orgIds),
          isNull(organizations.mergedIntoId),
          organizationScope(actor, organizations.id, organizations.regionCode),
        ),
      );
    const missing = orgIds.filter((id) => !found.some((row) => row.id === id));
    if (missing.length)
      throw invalidField('organizations', {
        code: 'organization.unknown',
        zh: `单位不存在：${missing.join('、')}`,
        en: `No such organization: ${missing.join(', ')}`,
      });
    const pairs = (input.organizations ?? []).map((o) => `${o.organizationId}/${o.role}`);
    if (new Set(pairs).size !== pairs.length)
      throw invalidField('organizations', {
        code: 'organization.duplicate_role',
        zh: '同一单位的同一角色重复列出',
        en: 'The same organization is listed twice in one role',
      });
  }
  for (const [index, venue] of (input.venues ?? []).entries()) {
    if (venue.regionCode) {
      const [region] = await db
        .select({ code: regions.code })
        .from(regions)
        .where(eq(regions.code, venue.regionCode));
      if (!region)
        throw invalidField(`venues.${index}.regionCode`, {
          code: 'region.unknown',
          zh: `地区代码不存在：${venue.regionCode}`,
          en: `No such region code: ${venue.regionCode}`,
        });
    }
    if (venue.kind === 'online' && !venue.onlineUrl) {
      throw invalidField(`venues.${index}.onlineUrl`, {
        code: 'venue.url_required',
        zh: '线上会场需填写会议链接',
        en: 'An online room needs its meeting link',
      });
    }
  }
}

async function replaceOrganizations(db: DbOrTx, eventId: string, list: CreateEventBody['organizations']) {
  await db.delete(eventOrganizations).where(eq(eventOrganizations.eventId, eventId));
  if (list.length)
    await db
      .insert(eventOrganizations)
      .values(
        list.map((o, position) => ({ eventId, organizationId: o.organizationId, role: o.role, position })),
      );
}

async function replaceVenues(db: DbOrTx, eventId: string, list: CreateEventBody['venues']) {
  await db.delete(eventVenues).where(eq(eventVenues.eventId, eventId));
  if (list.length) {
    await db.insert(eventVenues).values(
      list.map((v, position) => ({
        eventId,
        kind: v.kind,
        nameZh: v.nameZh,
        nameEn: v.nameEn ?? null,
        regionCode: v.regionCode ?? null,
        address: v.address ?? null,
        onlineUrl: v.onlineUrl ?? null,
        position,
      })),
    );
  }
}

export async function createEvent(db: DbOrTx, actor: Actor, input: CreateEventBody): Promise<EventView> {
  assertCan(actor, 'event.write');
  const regionCode = input.regionCode ?? actor.regionCode;
  await assertRegionFilter(db, actor, regionCode, 'regionCode');
  await checkEventInput(db, actor, input);
  const [row] = await db
    .insert(events)
    .values({
      kind: input.kind,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      regionCode,
      parentId: input.parentId ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      isOnline: input.isOnline,
    })
    .returning({ id: events.id });
  if (!row) throw new Error('insert returned no row');
  await replaceOrganizations(db, row.id, input.organizations);
  await replaceVenues(db, row.id, input.venues);
  const view = await getEvent(db, actor, row.id);
  await recordAudit(db, actor, {
    entity: 'event',
    entityId: row.id,
    action: 'create',
    after: view,
    regionCode,
  });
  return view;
}

export async function updateEvent(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: UpdateEventBody,
): Promise<EventView> {
  const event = await loadForChange(db, actor, id);
  if (event.version !== input.version) throw staleVersion(event.version, input.version);
  if (input.regionCode) await assertRegionFilter(db, actor, input.regionCode, 'regionCode');
  await checkEventInput(
    db,
    actor,
    { ...input, startsOn: input.startsOn ?? event.startsOn, endsOn: input.endsOn ?? event.endsOn },
    id,
  );
  const before = await getEvent(db, actor, id);
  await db
    .update(events)
    .set({
      kind: input.kind ?? event.kind,
      nameZh: input.nameZh ?? event.nameZh,
      nameEn: input.nameEn !== undefined ? input.nameEn : event.nameEn,
      regionCode: input.regionCode ?? event.regionCode,
      parentId: input.parentId !== undefined ? input.parentId : event.parentId,
      startsOn: input.startsOn ?? event.startsOn,
      endsOn: input.endsOn ?? event.endsOn,
      isOnline: input.isOnline ?? event.isOnline,
      version: sql`${events.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(events.id, id));
  if (input.organizations) await replaceOrganizations(db, id, input.organizations);
  if (input.venues) await replaceVenues(db, id, input.venues);
  const after = await getEvent(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'event',
    entityId: id,
    action: 'update',
    before,
    after,
    regionCode: after.region.code,
  });
  return after;
}

/** The event row, locked, for a change by an actor whose region runs it. */
export async function loadForChange(db: DbOrTx, actor: Actor, id: string) {
  assertCan(actor, 'event.write');
  const { event } = await loadEvent(db, actor, id, true);
  if (!isInScope(actor, event.regionCode))
    throw new AppError(
      'forbidden',
      403,
      '该活动由其他地区举办，您只能查看',
      'This event is run by another region; you may only view it',
    );
  return event;
}
