import type { FormInstance } from 'antd';
import { Tag } from 'antd';
import type { z } from 'zod';
import type { AgreementPage, AgreementView } from '../../../contracts/agreements.ts';
import type { Me } from '../../../contracts/auth.ts';
import type { EventPage, EventSummary, EventView } from '../../../contracts/events.ts';
import { AGREEMENT_TYPES } from '../../../domain/code-lists.ts';
import type { AgreementStatus, EventKind } from '../../../domain/events.ts';
import { ApiError, api, queryString } from '../../app/api.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { applyServerErrors } from '../../ui/form-errors.ts';

export type { AgreementView, EventView };
export type EventItem = z.infer<typeof EventSummary>;
export type EventList = z.infer<typeof EventPage>;
export type AgreementList = z.infer<typeof AgreementPage>;

/** Query keys: everything under EVENTS_KEY, so one invalidation refreshes lists, pickers and details. */
export const EVENTS_KEY = 'events';
export const eventKey = (id: string) => [EVENTS_KEY, 'one', id] as const;

export const fetchEvents = (query: Record<string, string | number | undefined>, signal?: AbortSignal) =>
  api<EventList>(`/events${queryString(query)}`, { signal });
export const fetchEvent = (id: string, signal?: AbortSignal) => api<EventView>(`/events/${id}`, { signal });
export const fetchEventAgreements = (eventId: string, limit: number, signal?: AbortSignal) =>
  api<AgreementList>(`/agreements${queryString({ eventId, limit })}`, { signal });

/** Roles that may create and change events; the server checks the same (event.write). */
const WRITE_ROLES: readonly Me['role'][] = ['admin', 'officer', 'organizer'];
export const canWriteEvents = (user: Me | null): boolean => Boolean(user && WRITE_ROLES.includes(user.role));

const KIND_COLORS: Record<EventKind, string> = {
  summit: 'geekblue',
  expo: 'purple',
  matchmaking: 'cyan',
  signing_ceremony: 'red',
  promotion: 'gold',
  other: 'default',
};

export function KindTag({ kind }: { kind: EventKind }) {
  const { t } = useLocale();
  return (
    <Tag color={KIND_COLORS[kind]} variant="filled">
      {t(`event.kind.${kind}`)}
    </Tag>
  );
}

const STATUS_COLORS: Record<AgreementStatus, string> = {
  draft: 'default',
  signing: 'processing',
  completed: 'success',
  declined: 'error',
  voided: 'default',
  expired: 'warning',
};

export function StatusTag({ status }: { status: AgreementStatus }) {
  const { t } = useLocale();
  return <Tag color={STATUS_COLORS[status]}>{t(`event.status.${status}`)}</Tag>;
}

/** The label of an agreement type from the shared code list, the code itself when unknown. */
export function agreementTypeLabel(code: string, pick: (zh: string, en: string) => string): string {
  const item = AGREEMENT_TYPES.find((type) => type.code === code);
  return item ? pick(item.nameZh, item.nameEn) : code;
}

/** "2026-05-18 ～ 2026-05-20", or one date when the event lasts a day. */
export function dateRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? startsOn : `${startsOn} ～ ${endsOn}`;
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The China wall-clock time (UTC+8) of an instant as 'YYYY-MM-DDTHH:mm', whatever the browser's zone. */
export function chinaWallClock(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16);
}

/** 'YYYY-MM-DD HH:mm' China time; the date part left out when `sameDay` names the same date. */
export function chinaTime(iso: string, sameDay?: string): string {
  const wall = chinaWallClock(iso);
  const [date = '', time = ''] = wall.split('T');
  return date === sameDay ? time : `${date} ${time}`;
}

/** A China wall-clock 'YYYY-MM-DDTHH:mm[:ss]' written as an ISO instant with its +08:00 offset. */
export function chinaIso(wallClock: string): string {
  const [date = '', time = '00:00'] = wallClock.split('T');
  return `${date}T${time.length === 5 ? `${time}:00` : time}+08:00`;
}

/**
 * Puts the server's errors on the form: `rename` maps a field path ('venues.0.onlineUrl' → ['venues', 0,
 * 'onlineUrl'], 'endsOn' → ['dates']) to a form name; the rest go through applyServerErrors by their top-level
 * name. Returns the messages that matched no field, for a banner.
 */
export function placeServerErrors(
  form: FormInstance,
  error: unknown,
  pick: (zh: string, en: string) => string,
  topFields: readonly string[],
  rename: (parts: string[]) => (string | number)[] | null,
): string[] {
  if (!(error instanceof ApiError)) return applyServerErrors(form, error, pick, topFields);
  const rest: typeof error.details = [];
  const placed = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const detail of error.details) {
    const parts = (detail.field ?? '').replace(/^body\./, '').split('.');
    const path = detail.field ? rename(parts) : null;
    if (!path) {
      rest.push(detail);
      continue;
    }
    const key = path.join('.');
    const entry = placed.get(key) ?? { name: path, errors: [] };
    entry.errors.push(pick(detail.zh, detail.en));
    placed.set(key, entry);
  }
  form.setFields([...placed.values()]);
  if (placed.size > 0 && rest.length === 0) return [];
  return applyServerErrors(
    form,
    new ApiError(error.status, error.code, error.zh, error.en, rest),
    pick,
    topFields,
  );
}

/** A list entry's path ('venues', '2', 'onlineUrl') as a Form.List name, when the list and field are known. */
export function listPath(
  parts: string[],
  list: string,
  fields: readonly string[],
): (string | number)[] | null {
  const [name, index, field] = parts;
  if (name !== list || !/^\d+$/.test(index ?? '')) return null;
  return field && fields.includes(field) ? [list, Number(index), field] : [list];
}
