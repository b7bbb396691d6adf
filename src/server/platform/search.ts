import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { queryTokens, searchTokens, toTsquery, toTsvectorText } from '../../domain/search-tokens.ts';
import { escapeLike } from './access.ts';

/** The tsvector to store for a searchable text: two-character tokens in the 'simple' configuration. */
export function searchVector(text: string): SQL {
  return sql`to_tsvector('simple', ${toTsvectorText(searchTokens(text))})`;
}

/** Joins the parts of a record that search should find, in the form the LIKE recheck reads. */
export function searchTextOf(parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .map((part) => part.normalize('NFKC').toLowerCase())
    .join(' \u0001 ');
}

/**
 * Search condition: the GIN index finds rows with every bigram of the query, then a LIKE on the stored text
 * drops rows whose bigrams are scattered. A one-character query can only use the LIKE.
 */
export function searchCondition(query: string, tokensColumn: AnyColumn, textColumn: AnyColumn): SQL {
  const normalized = query.normalize('NFKC').toLowerCase().trim();
  const like = sql`${textColumn} like ${`%${escapeLike(normalized)}%`}`;
  const tokens = queryTokens(normalized);
  if (tokens.length === 0) return like;
  return sql`(${tokensColumn} @@ to_tsquery('simple', ${toTsquery(tokens)}) and ${like})`;
}
