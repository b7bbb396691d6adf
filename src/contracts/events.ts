import { z } from 'zod';
import { AGREEMENT_STATUSES, EVENT_KINDS, EVENT_ROLES, VENUE_KINDS } from '../domain/events.ts';
import { IsoDate, IsoDateTime, PageQuery, RegionRef, Version } from './common.ts';

export const EventKind = z.enum(EVENT_KINDS);

export const EventOrganizationInput = z.object({ organizationId: z.uuid(), role: z.enum(EVENT_ROLES) });
export const VenueInput = z.object({
  kind: z.enum(VENUE_KINDS),
  nameZh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(300).nullish(),
  regionCode: z.string().min(6).max(12).nullish(),
  address: z.string().trim().max(300).nullish(),
  /** The meeting link of an online room (https only). */
  onlineUrl: z
    .url({ protocol: /^https$/ })
    .max(500)
    .nullish(),
});

export const CreateEventBody = z.object({
  kind: EventKind,
  nameZh: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(300).nullish(),
  /** The region whose bureau runs the event; defaults to the user's own. */
  regionCode: z.string().min(2).max(12).optional(),
  parentId: z.uuid().nullish(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  isOnline: z.boolean().default(false),
  organizations: z.array(EventOrganizationInput).max(50).default([]),
  venues: z.array(VenueInput).max(100).default([]),
});
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = CreateEventBody.partial().extend({ version: Version });
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const AgendaBody = z.object({
  items: z
    .array(
      z.object({
        startsAt: IsoDateTime,
        endsAt: IsoDateTime,
        titleZh: z.string().trim().min(1).max(200),
        titleEn: z.string().trim().max(300).nullish(),
        /** Index into the event's venues, in their listed order. */
        venue: z.number().int().min(0).nullish(),
      }),
    )
    .max(200),
});
export type AgendaBody = z.infer<typeof AgendaBody>;

export const RunSheetBody = z.object({
  slots: z
    .array(
      z.object({
        agreementId: z.uuid(),
        startsAt: IsoDateTime,
        venue: z.number().int().min(0).nullish(),
      }),
    )
    .max(2000),
});
export type RunSheetBody = z.infer<typeof RunSheetBody>;

export const EventTotals = z.object({
  agreements: z.number().int(),
  byType: z.array(z.object({ typeCode: z.string(), count: z.number().int() })),
  projects: z.number().int(),
  investmentYuan: z.number().int(),
  displayZh: z.string(),
  displayEn: z.string(),
});

export const EventView = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: EventKind,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  region: RegionRef,
  startsOn: z.string(),
  endsOn: z.string(),
  isOnline: z.boolean(),
  organizations: z.array(
    z.object({
      organizationId: z.uuid(),
      nameZh: z.string(),
      nameEn: z.string().nullable(),
      role: z.enum(EVENT_ROLES),
    }),
  ),
  venues: z.array(VenueInput.extend({ id: z.uuid() })),
  agenda: z.array(
    z.object({
      id: z.uuid(),
      startsAt: z.string(),
      endsAt: z.string(),
      titleZh: z.string(),
      titleEn: z.string().nullable(),
      venueId: z.uuid().nullable(),
    }),
  ),
  runSheet: z.array(
    z.object({
      id: z.uuid(),
      agreementId: z.uuid(),
      titleZh: z.string(),
      titleEn: z.string().nullable(),
      typeCode: z.string(),
      status: z.enum(AGREEMENT_STATUSES),
      venueId: z.uuid().nullable(),
      startsAt: z.string(),
    }),
  ),
  children: z.array(
    z.object({ id: z.uuid(), kind: EventKind, nameZh: z.string(), nameEn: z.string().nullable() }),
  ),
  /** Signed at this event or any part of it; each project counted once. */
  totals: EventTotals,
  version: z.number().int(),
});
export type EventView = z.infer<typeof EventView>;

export const EventSummary = EventView.pick({
  id: true,
  parentId: true,
  kind: true,
  nameZh: true,
  nameEn: true,
  region: true,
  startsOn: true,
  endsOn: true,
  isOnline: true,
  version: true,
});
export const ListEventsQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  kind: EventKind.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Only the top-level events (no parts of a larger event). */
  isTopLevel: z.enum(['true', 'false']).optional(),
});
export type ListEventsQuery = z.infer<typeof ListEventsQuery>;
export const EventPage = z.object({ items: z.array(EventSummary), nextCursor: z.string().nullable() });
