// Chinese full text as overlapping bigrams: word segmenters split place and industry names
// (鲤城 → 鲤 / 城区) and lose hits, while every two-character query is a bigram of its text. Each Han
// character is indexed too, so a one-character query is an index lookup rather than a table scan.

const HAN = /\p{Script=Han}/u;
// A run is either Han characters or letters/digits of other scripts; everything else separates runs.
const RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}\p{M}])+/gu;
// What a token may contain once made safe for PostgreSQL's text-search parser.
const UNSAFE = /[^\p{L}\p{N}\p{M}]/gu;

function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUNS) ?? [];
}

function bigrams(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

function tokenize(text: string, isIndex: boolean): string[] {
  const seen = new Set<string>();
  for (const run of runs(text)) {
    if (!HAN.test(run)) {
      seen.add(run);
      continue;
    }
    for (const gram of bigrams(run)) seen.add(gram);
    if (isIndex) for (const char of Array.from(run)) seen.add(char);
  }
  return [...seen];
}

/** Index tokens: every overlapping Han bigram, every Han character, and whole lower-case words. */
export function searchTokens(text: string): string[] {
  return tokenize(text, true);
}

/** Query tokens: the bigrams of each Han run (a lone character stands for itself) and whole words. */
export function queryTokens(query: string): string[] {
  return tokenize(query, false);
}

function safe(tokens: string[]): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    const cleaned = token.normalize('NFKC').toLowerCase().replace(UNSAFE, '');
    if (cleaned !== '') out.add(cleaned);
  }
  return [...out];
}

/** Text for to_tsvector('simple', …): one token per space-separated word, punctuation removed. */
export function toTsvectorText(tokens: string[]): string {
  return safe(tokens).join(' ');
}

/** Query for to_tsquery('simple', …): tokens quoted and AND-ed; '' when no token is left. */
export function toTsquery(tokens: string[]): string {
  return safe(tokens)
    .map((token) => `'${token}'`)
    .join(' & ');
}
