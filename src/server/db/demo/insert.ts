// Writes the built demo data in bulk: one `insert … select … from unnest(…)` per table and chunk.
import { type SQL, sql } from 'drizzle-orm';
import { organizationNameKey } from '../../../domain/organization-name.ts';
import { searchTokens, toTsvectorText } from '../../../domain/search-tokens.ts';
import { searchTextOf } from '../../platform/search.ts';
import type { Tx } from '../connect.ts';
import type { DemoData } from './model.ts';
import { ownerFor } from './users.ts';

type Cell = string | number | boolean | null;

interface Column {
  name: string;
  /** PostgreSQL type the text array is cast to. */
  type: 'uuid' | 'text' | 'bigint' | 'integer' | 'boolean' | 'date' | 'numeric' | 'timestamptz' | 'tsvector';
}

const CHUNK = 5_000;

function cell(value: Cell): string | null {
  if (value === null) return null;
  return typeof value === 'string' ? value : String(value);
}

/**
 * Every column travels as one text[] parameter and is cast in SQL (postgres-js would guess other array
 * types from their first element); a tsvector column is built from its space-separated tokens.
 */
async function insertRows(tx: Tx, table: string, columns: Column[], rows: Cell[][]): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays: SQL[] = columns.map(
      (_, i) => sql`${sql.param(chunk.map((row) => cell(row[i] ?? null)))}::text[]`,
    );
    const aliases = columns.map((column) => `c_${column.name}`);
    const selects = columns.map((column, i) =>
      column.type === 'tsvector'
        ? `to_tsvector('simple', ${aliases[i]})`
        : column.type === 'text'
          ? aliases[i]
          : `${aliases[i]}::${column.type}`,
    );
    await tx.execute(
      sql`insert into ${sql.raw(table)} (${sql.raw(columns.map((c) => c.name).join(', '))}) select ${sql.raw(selects.join(', '))} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(aliases.join(', '))})`,
    );
  }
}

const col = (name: string, type: Column['type'] = 'text'): Column => ({ name, type });

/** Text the search index reads, as the services compute it. */
function tokens(text: string): string {
  return toTsvectorText(searchTokens(text));
}

/** A date as a morning timestamp in China, for created_at/updated_at that match the story. */
function morning(date: string): string {
  return `${date}T09:00:00+08:00`;
}

export async function insertOrganizations(tx: Tx, data: DemoData): Promise<void> {
  await insertRows(
    tx,
    'organizations',
    [
      col('id', 'uuid'),
      col('name_zh'),
      col('name_en'),
      col('name_key'),
      col('usci'),
      col('type'),
      col('origin'),
      col('region_code'),
      col('search_text'),
      col('search_tokens', 'tsvector'),
    ],
    data.orgs.map((o) => {
      const text = searchTextOf([o.nameZh, o.nameEn, o.usci]);
      return [
        o.id,
        o.nameZh,
        o.nameEn,
        organizationNameKey(o.nameZh),
        o.usci,
        o.type,
        o.origin,
        o.regionCode,
        text,
        tokens(text),
      ];
    }),
  );
}

/** Events, projects and agreements; organizations and users are already in. */
export async function insertDemoData(
  tx: Tx,
  data: DemoData,
  userIds: ReadonlyMap<string, string>,
): Promise<void> {
  await insertRows(
    tx,
    'events',
    [
      col('id', 'uuid'),
      col('parent_id', 'uuid'),
      col('kind'),
      col('name_zh'),
      col('name_en'),
      col('region_code'),
      col('starts_on', 'date'),
      col('ends_on', 'date'),
      col('venue_zh'),
      col('venue_en'),
      col('is_online', 'boolean'),
    ],
    data.events.map((e) => [
      e.id,
      e.parentId,
      e.kind,
      e.nameZh,
      e.nameEn,
      e.regionCode,
      e.startsOn,
      e.endsOn,
      e.venueZh,
      e.venueEn,
      e.isOnline,
    ]),
  );
  await insertRows(
    tx,
    'event_organizations',
    [col('event_id', 'uuid'), col('organization_id', 'uuid'), col('role'), col('position', 'integer')],
    data.events.flatMap((e) => e.roles.map((r, i) => [e.id, r.organizationId, r.role, i])),
  );
  // Each event's venue as its main venue (an online event's room has no public link in the demo).
  await insertRows(
    tx,
    'event_venues',
    [
      col('event_id', 'uuid'),
      col('kind'),
      col('name_zh'),
      col('name_en'),
      col('region_code'),
      col('position', 'integer'),
    ],
    data.events.flatMap((e) =>
      e.venueZh && !e.isOnline ? [[e.id, 'main', e.venueZh, e.venueEn, e.regionCode, 0]] : [],
    ),
  );
  await insertProjects(tx, data, userIds);
  await insertRows(
    tx,
    'agreements',
    [
      col('id', 'uuid'),
      col('event_id', 'uuid'),
      col('type_code'),
      col('title_zh'),
      col('title_en'),
      col('amount_yuan', 'bigint'),
      col('status'),
      col('signed_on', 'date'),
      col('region_code'),
      col('created_at', 'timestamptz'),
      col('updated_at', 'timestamptz'),
    ],
    data.agreements.map((a) => {
      const at = a.signedOn ? morning(a.signedOn) : null;
      return [
        a.id,
        a.eventId,
        a.typeCode,
        a.titleZh,
        a.titleEn,
        a.amountYuan,
        a.status,
        a.signedOn,
        a.regionCode,
        at,
        at,
      ];
    }),
  );
  await insertRows(
    tx,
    'agreement_parties',
    [col('agreement_id', 'uuid'), col('organization_id', 'uuid'), col('position', 'integer')],
    data.agreements.flatMap((a) => a.partyIds.map((id, i) => [a.id, id, i])),
  );
  await insertRows(
    tx,
    'agreement_projects',
    [col('agreement_id', 'uuid'), col('project_id', 'uuid')],
    data.agreements.flatMap((a) => a.projectIds.map((id) => [a.id, id])),
  );
}

async function insertProjects(tx: Tx, data: DemoData, userIds: ReadonlyMap<string, string>): Promise<void> {
  const regionName = (code: string) => data.context.regions.get(code)?.nameZh ?? '';
  await insertRows(
    tx,
    'projects',
    [
      col('id', 'uuid'),
      col('code'),
      col('national_code'),
      col('name_zh'),
      col('name_en'),
      col('description_zh'),
      col('description_en'),
      col('region_code'),
      col('industry_code'),
      col('category_code'),
      col('investment_amount', 'bigint'),
      col('investment_currency'),
      col('investment_qualifier'),
      col('usd_rate', 'numeric'),
      col('investment_yuan', 'bigint'),
      col('expected_output_yuan', 'bigint'),
      col('source'),
      col('owner_id', 'uuid'),
      col('is_key', 'boolean'),
      col('is_major', 'boolean'),
      col('stage'),
      col('stage_changed_on', 'date'),
      col('signed_on', 'date'),
      col('dropped_reason'),
      col('search_text'),
      col('search_tokens', 'tsvector'),
      col('created_at', 'timestamptz'),
      col('updated_at', 'timestamptz'),
    ],
    data.projects.map((p) => {
      const text = searchTextOf([p.nameZh, p.nameEn, p.code, p.nationalCode, regionName(p.regionCode)]);
      const owner = ownerFor(p.regionCode);
      const t = p.timeline;
      return [
        p.id,
        p.code,
        p.nationalCode,
        p.nameZh,
        p.nameEn,
        p.descriptionZh,
        p.descriptionEn,
        p.regionCode,
        p.industryCode,
        p.categoryCode,
        p.investment.amount,
        p.investment.currency,
        p.investment.qualifier,
        p.investment.usdRate,
        p.investment.yuan,
        p.expectedOutputYuan,
        p.source,
        owner ? (userIds.get(owner) ?? null) : null,
        p.isKey,
        p.isMajor,
        t.stage,
        t.stageChangedOn,
        t.signedOn,
        t.droppedReason,
        text,
        tokens(text),
        morning(t.history[0]?.on ?? t.stageChangedOn),
        morning(t.stageChangedOn),
      ];
    }),
  );
  await insertRows(
    tx,
    'project_investors',
    [col('project_id', 'uuid'), col('organization_id', 'uuid'), col('role'), col('position', 'integer')],
    data.projects.flatMap((p) =>
      p.investors.map((i, position) => [p.id, i.organizationId, i.role, position]),
    ),
  );
  await insertRows(
    tx,
    'stage_changes',
    [
      col('id', 'uuid'),
      col('project_id', 'uuid'),
      col('from_stage'),
      col('to_stage'),
      col('occurred_on', 'date'),
      col('note'),
      col('actor_id', 'uuid'),
      col('created_at', 'timestamptz'),
    ],
    data.projects.flatMap((p) => {
      const owner = ownerFor(p.regionCode);
      const actor = owner ? (userIds.get(owner) ?? null) : null;
      return p.timeline.history.map((s) => [
        data.ids.uuid(),
        p.id,
        s.from,
        s.to,
        s.on,
        s.note,
        actor,
        morning(s.on),
      ]);
    }),
  );
}
