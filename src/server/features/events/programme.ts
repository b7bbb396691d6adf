import { and, eq, sql } from 'drizzle-orm';
import type { AgendaBody, EventView, RunSheetBody } from '../../../contracts/events.ts';
import type { DbOrTx } from '../../db/connect.ts';
import { eventAgendaItems, eventSigningSlots } from '../../db/schema.ts';
import { type Actor, qualified } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invalidField } from '../../platform/errors.ts';
import { agreementsOfEventTree, venueIds, visibleAgreements } from './queries.ts';
import { getEvent, loadForChange } from './service.ts';

// An event's programme: its agenda and the run sheet of signing slots, each replaced whole.

function venueAt(venues: string[], index: number | null | undefined, field: string): string | null {
  if (index === null || index === undefined) return null;
  const venue = venues[index];
  if (!venue)
    throw invalidField(field, {
      code: 'venue.unknown',
      zh: `没有第 ${index + 1} 个会场`,
      en: `There is no venue number ${index + 1}`,
    });
  return venue;
}

/** Replaces the agenda; each item must end after it starts and fall within the event's dates (China time). */
export async function setAgenda(db: DbOrTx, actor: Actor, id: string, body: AgendaBody): Promise<EventView> {
  const event = await loadForChange(db, actor, id);
  const venues = await venueIds(db, id);
  const first = new Date(`${event.startsOn}T00:00:00+08:00`).getTime();
  const last = new Date(`${event.endsOn}T24:00:00+08:00`).getTime();
  const rows = body.items.map((item, index) => {
    const startsAt = new Date(item.startsAt);
    const endsAt = new Date(item.endsAt);
    if (endsAt <= startsAt)
      throw invalidField(`items.${index}.endsAt`, {
        code: 'agenda.order',
        zh: `第 ${index + 1} 项的结束时间不晚于开始时间`,
        en: `Item ${index + 1} ends before it starts`,
      });
    if (startsAt.getTime() < first || endsAt.getTime() > last) {
      throw invalidField(`items.${index}.startsAt`, {
        code: 'agenda.outside',
        zh: `第 ${index + 1} 项不在活动日期（${event.startsOn}～${event.endsOn}）之内`,
        en: `Item ${index + 1} lies outside the event's dates (${event.startsOn} to ${event.endsOn})`,
      });
    }
    return {
      eventId: id,
      startsAt,
      endsAt,
      titleZh: item.titleZh,
      titleEn: item.titleEn ?? null,
      venueId: venueAt(venues, item.venue, `items.${index}.venue`),
      position: index,
    };
  });
  await db.delete(eventAgendaItems).where(eq(eventAgendaItems.eventId, id));
  if (rows.length) await db.insert(eventAgendaItems).values(rows);
  const view = await getEvent(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'event',
    entityId: id,
    action: 'agenda',
    after: view.agenda,
    regionCode: event.regionCode,
  });
  return view;
}

/** Replaces the run sheet of signing slots; every agreement must belong to the event (or one of its parts). */
export async function setRunSheet(
  db: DbOrTx,
  actor: Actor,
  id: string,
  body: RunSheetBody,
): Promise<EventView> {
  const event = await loadForChange(db, actor, id);
  const venues = await venueIds(db, id);
  const ids = body.slots.map((slot) => slot.agreementId);
  if (new Set(ids).size !== ids.length)
    throw invalidField('slots', {
      code: 'slot.duplicate',
      zh: '同一协议在签约流程中出现两次',
      en: 'An agreement appears twice in the run sheet',
    });
  const belonging = await agreementsOfEventTree(db, actor, id, ids);
  const strangers = ids.filter((agreementId) => !belonging.has(agreementId));
  if (strangers.length)
    throw invalidField('slots', {
      code: 'slot.agreement_unknown',
      zh: `协议不属于本活动：${strangers.join('、')}`,
      en: `Agreements not signed at this event: ${strangers.join(', ')}`,
    });
  const rows = body.slots.map((slot, index) => ({
    eventId: id,
    agreementId: slot.agreementId,
    startsAt: new Date(slot.startsAt),
    venueId: venueAt(venues, slot.venue, `slots.${index}.venue`),
    position: index,
  }));
  // Slots of agreements the actor cannot see are not theirs to drop: only visible ones are replaced.
  await db
    .delete(eventSigningSlots)
    .where(
      and(
        eq(eventSigningSlots.eventId, id),
        sql`exists (select 1 from agreements a where a.id = ${qualified(eventSigningSlots.agreementId)} and ${visibleAgreements(actor)})`,
      ),
    );
  if (rows.length) await db.insert(eventSigningSlots).values(rows);
  const view = await getEvent(db, actor, id);
  await recordAudit(db, actor, {
    entity: 'event',
    entityId: id,
    action: 'run_sheet',
    after: view.runSheet,
    regionCode: event.regionCode,
  });
  return view;
}
