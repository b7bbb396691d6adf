import { and, inArray, type SQL, sql } from 'drizzle-orm';
import type { ListProjectsQuery } from '../../../contracts/projects.ts';
import type { Db } from '../../db/connect.ts';
import { projects } from '../../db/schema.ts';
import { searchCondition } from '../../platform/search.ts';
import { orderFor, type ProjectRow, projectSort, selectProjects } from './queries.ts';

/** How many rows, in list order, a search looks through before it asks the index for every hit. */
export const SEARCH_WINDOW = 5000;

/**
 * The ids of one page of projects, in list order. Without a search it is one keyset query on projects alone
 * (regions and industries are joined only for the page). With a search, the page is first looked for among
 * the first SEARCH_WINDOW rows in list order: a common term fills the page there at once, and the answer is
 * exact, because any hit outside the window comes after every row in it. Only a rarer term falls back to
 * the index over all hits, which is quick because there are few. The planner cannot be trusted to choose
 * between the two: its estimates for several overlapping bigrams are off by orders of magnitude.
 */
export async function pageIds(
  db: Db,
  filters: SQL[],
  query: Pick<ListProjectsQuery, 'q' | 'sort' | 'order'>,
  size: number,
  window = SEARCH_WINDOW,
): Promise<string[]> {
  const order = orderFor(query.sort, query.order);
  const plain = (conditions: SQL[]) =>
    db
      .select({ id: projects.id })
      .from(projects)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(size);
  if (!query.q) return (await plain(filters)).map((row) => row.id);

  const direction = sql.raw(query.order === 'desc' ? 'desc' : 'asc');
  const windowed = await db.execute<{ id: string }>(sql`
    select w.id from (
      select ${projects.id} as id, ${projectSort(query.sort).expr} as sort_key,
             ${projects.searchTokens} as search_tokens, ${projects.searchText} as search_text
      from ${projects}
      where ${and(...filters)}
      order by sort_key ${direction}, id ${direction}
      limit ${window}
    ) w
    where ${searchCondition(query.q, sql.raw('w.search_tokens'), sql.raw('w.search_text'))}
    order by w.sort_key ${direction}, w.id ${direction}
    limit ${size}`);
  if (windowed.length >= size) return windowed.map((row) => row.id);
  const search = searchCondition(query.q, projects.searchTokens, projects.searchText);
  return (await plain([...filters, search])).map((row) => row.id);
}

/** The page's rows with their region and industry, in the order of the ids. */
export async function rowsInOrder(db: Db, ids: string[]): Promise<ProjectRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectProjects(db).where(inArray(projects.id, ids));
  const byId = new Map(rows.map((row) => [row.project.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
