// The SQL behind SEED_FIGURES, for tests and docs: what "signed at an event" means, once per project.
import { type SQL, sql } from 'drizzle-orm';
import { MAX_EVENT_DEPTH } from '../../../domain/event-tree.ts';
import type { DbOrTx } from '../connect.ts';

/**
 * A `signed` CTE: the distinct projects linked by an agreement to one of the named events or any event
 * under them (a summit's expo ceremony, a cloud signing's venues), with their planned investment.
 */
export function signedAtEvents(eventNames: readonly string[]): SQL {
  // Bounded like every event tree query, so bad data cannot loop.
  return sql`with recursive tree(id, depth) as (
      select id, 1 from events where name_zh = any(${sql.param([...eventNames])}::text[])
      union all select e.id, t.depth + 1 from events e join tree t on e.parent_id = t.id
        where t.depth < ${sql.raw(String(MAX_EVENT_DEPTH))}),
    signed as (select distinct p.id, p.investment_yuan, p.category_code, p.name_zh, p.region_code from projects p
      join agreement_projects ap on ap.project_id = p.id join agreements a on a.id = ap.agreement_id
      where a.event_id in (select id from tree))`;
}

/** Count and planned investment (yuan) of the projects signed at the named events and their parts. */
export async function signedTotals(
  db: DbOrTx,
  eventNames: readonly string[],
): Promise<{ projects: number; investmentYuan: number }> {
  const [row] = await db.execute<{ projects: number; yuan: string }>(
    sql`${signedAtEvents(eventNames)} select count(*)::int as projects, coalesce(sum(investment_yuan), 0)::text as yuan from signed`,
  );
  return { projects: row?.projects ?? 0, investmentYuan: Number(row?.yuan ?? 0) };
}
