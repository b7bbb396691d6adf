import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { queryTokens, searchTokens, toTsquery, toTsvectorText } from '../../domain/search-tokens.ts';
import { qualified } from './access.ts';

/** The tsvector to store for a searchable text: Han bigrams and characters, and words, in 'simple'. */
export function searchVector(text: string): SQL {
  return sql`to_tsvector('simple', ${toTsvectorText(searchTokens(text))})`;
}

/** Joins the parts of a record that search should find, in the form the recheck reads. */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .map((part) => normalizeSearchText(part))
    .join(' \u0001 ');
}

const normalizeSearchText = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Search condition: the GIN index finds rows holding every token of the query. A part of the query that is
 * more than one token (低温银浆: 低温 温银 银浆) is then rechecked as a substring, which drops rows whose
 * bigrams are scattered; a one-token part (银浆, 鲤, led) is exact already and needs no recheck. The recheck
 * uses position(), whose fixed selectivity keeps the planner's estimate from swinging with LIKE's samples.
 */
export function searchCondition(
  query: string,
  tokensColumn: AnyColumn | SQL,
  textColumn: AnyColumn | SQL,
): SQL {
  const parts = normalizeSearchText(query).split(/\s+/).filter(Boolean);
  const tokens = queryTokens(parts.join(' '));
  const text = qualified(textColumn);
  const rechecks = parts
    .filter((part) => queryTokens(part).length !== 1)
    .map((part) => sql`position(${part} in ${text}) > 0`);
  if (tokens.length === 0) return rechecks.length ? sql.join(rechecks, sql` and `) : sql`false`;
  const match = sql`${qualified(tokensColumn)} @@ to_tsquery('simple', ${toTsquery(tokens)})`;
  return rechecks.length ? sql`(${match} and ${sql.join(rechecks, sql` and `)})` : match;
}
