import { eq, sql } from 'drizzle-orm';
import { searchTokens, toTsvectorText } from '../../domain/search-tokens.ts';
import type { Database } from '../db/connect.ts';
import { referenceVersions } from '../db/schema.ts';

/** Bump when the tokenizer changes what it emits: stored vectors are then rebuilt from search_text. */
export const SEARCH_TOKENS_VERSION = '2-bigrams-and-characters';
const BATCH = 5000;
const TABLES = ['projects', 'organizations'] as const;

/** Rebuilds search_tokens of every searchable row when the tokenizer has changed since they were written. */
export async function reindexSearchIfNeeded(database: Database): Promise<number> {
  const { db } = database;
  const [current] = await db
    .select()
    .from(referenceVersions)
    .where(eq(referenceVersions.dataset, 'search_tokens'));
  if (current?.version === SEARCH_TOKENS_VERSION) return 0;
  let rebuilt = 0;
  for (const table of TABLES) {
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await database.sql<{ id: string; search_text: string }[]>`
        select id, search_text from ${database.sql(table)} where id > ${lastId} order by id limit ${BATCH}`;
      if (rows.length === 0) break;
      const ids = rows.map((row) => row.id);
      const vectors = rows.map((row) => toTsvectorText(searchTokens(row.search_text)));
      await database.sql`
        update ${database.sql(table)} t set search_tokens = to_tsvector('simple', v.tokens)
        from unnest(${ids}::uuid[], ${vectors}::text[]) as v(id, tokens) where t.id = v.id`;
      rebuilt += rows.length;
      lastId = ids.at(-1) ?? lastId;
    }
  }
  await db
    .insert(referenceVersions)
    .values({
      dataset: 'search_tokens',
      version: SEARCH_TOKENS_VERSION,
      source: 'src/domain/search-tokens.ts',
    })
    .onConflictDoUpdate({ target: referenceVersions.dataset, set: { version: SEARCH_TOKENS_VERSION } });
  if (rebuilt > 0) await db.execute(sql`analyze projects, organizations`);
  return rebuilt;
}
