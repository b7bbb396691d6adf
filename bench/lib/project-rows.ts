// Builds generated projects column by column, ready for an unnest insert.

import { searchTokens, toTsvectorText } from '../../src/domain/search-tokens.ts';
import { searchTextOf } from '../../src/server/platform/search.ts';
import { industryThemes, landingPlaces, type Place, randomUuid } from './places.ts';
import { type Random, weighted } from './random.ts';
import { BRANDS, DROPPED_REASONS, MODIFIERS, NAME_ENDINGS, OUTPUT_UNITS, PHASES } from './vocabulary.ts';

/** The columns the generator fills; every value is text (or null) for a `unnest(...::text[])` insert. */
export const PROJECT_COLUMNS = [
  'id',
  'code',
  'name_zh',
  'name_en',
  'region_code',
  'industry_code',
  'category_code',
  'investment_amount',
  'investment_currency',
  'investment_qualifier',
  'usd_rate',
  'investment_yuan',
  'expected_output_yuan',
  'source',
  'is_key',
  'is_major',
  'stage',
  'stage_changed_on',
  'signed_on',
  'dropped_reason',
  'search_text',
  'search_tokens',
  'created_at',
  'updated_at',
] as const;
export type ProjectColumn = (typeof PROJECT_COLUMNS)[number];
export type ProjectBatch = Record<ProjectColumn, (string | null)[]>;

/** The generated data is dated as of this day, so every run writes the same rows. */
export const AS_OF = Date.UTC(2025, 5, 30, 10, 0, 0);
const FIRST = Date.UTC(2019, 0, 1);
const DAY = 86_400_000;
const YI = 100_000_000;
const USD_RATE = '7.1000';

const STAGES = weighted([
  ['lead', 28],
  ['negotiating', 22],
  ['signed', 14],
  ['registered', 8],
  ['construction', 11],
  ['production', 8],
  ['full_output', 3],
  ['dropped', 6],
] as const);
const SIGNED_STAGES = new Set(['signed', 'registered', 'construction', 'production', 'full_output']);
const SOURCES = weighted([
  ['event', 35],
  ['referral', 20],
  ['cloud_negotiation', 15],
  ['catalog', 20],
  ['other', 10],
] as const);
const CATEGORIES = [
  'digital_industry',
  'digital_transformation',
  'new_infrastructure',
  'regional_hq',
  'other',
];
const QUALIFIERS = weighted([
  ['exact', 80],
  ['at_least', 12],
  ['about', 8],
] as const);
const ENDINGS = weighted(NAME_ENDINGS.map(([zh, en, weight]) => [[zh, en] as const, weight] as const));

function emptyBatch(): ProjectBatch {
  const batch = {} as ProjectBatch;
  for (const column of PROJECT_COLUMNS) batch[column] = [];
  return batch;
}

function isoDate(ms: number): string {
  // China is UTC+8: the calendar day a Chinese user sees.
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Log-normal planned investment between 1百万 and 200亿 yuan, rounded to 万元 as bureaus report it. */
function investmentYuan(random: Random): number {
  const raw = Math.exp(Math.log(2 * YI) + 1.5 * random.normal());
  const clamped = Math.min(200 * YI, Math.max(1_000_000, raw));
  return Math.round(clamped / 10_000) * 10_000;
}

function projectName(random: Random, place: Place, phrase: readonly [string, string]) {
  const roll = random.next();
  const placeZh = roll < 0.35 && place.countyShort ? place.countyShort : roll < 0.5 ? place.cityShort : '';
  const placeEn = placeZh === '' ? '' : placeZh === place.cityShort ? place.cityEn : (place.nameEn ?? '');
  const [ending, endingEn] = ENDINGS.pick(random);
  const pattern = random.next();
  let zh: string;
  let en: string;
  if (pattern < 0.2) {
    const amount = random.int(1, 50) * (random.chance(0.3) ? 10 : 1);
    zh = `${placeZh}年产${amount}${random.pick(OUTPUT_UNITS)}${phrase[0]}项目`;
    en = `${placeEn} ${phrase[1]} project (annual output ${amount})`;
  } else if (pattern < 0.45) {
    zh = `${random.pick(BRANDS)}${phrase[0]}${ending}`;
    en = `${phrase[1]} ${endingEn}`;
  } else {
    const modifier = random.chance(0.15) ? random.pick(MODIFIERS) : null;
    const useModifier = modifier && !phrase[0].startsWith(modifier[0]);
    zh = `${placeZh}${useModifier ? modifier[0] : ''}${phrase[0]}${ending}`;
    en = `${placeEn} ${useModifier ? `${modifier[1]} ` : ''}${phrase[1]} ${endingEn}`;
  }
  if (random.chance(0.12)) {
    const [phaseZh, phaseEn] = random.pick(PHASES);
    zh += phaseZh;
    en += ` ${phaseEn}`;
  }
  return { zh, en: en.trim().replace(/\s+/g, ' ') };
}

/** Stage dates that follow the lifecycle: created → signed → the current stage, none after AS_OF. */
function stageDates(random: Random, stage: string, createdAt: number) {
  const span = AS_OF - createdAt;
  const isSigned = SIGNED_STAGES.has(stage) || (stage === 'dropped' && random.chance(0.25));
  const signedAt = isSigned ? createdAt + span * (0.05 + 0.5 * random.next()) : null;
  const from = signedAt ?? createdAt;
  const changedAt =
    stage === 'lead' ? createdAt : stage === 'signed' ? from : from + (AS_OF - from) * random.next();
  const updatedAt = Math.min(AS_OF, changedAt + random.next() * 30 * DAY);
  return { signedAt, changedAt, updatedAt };
}

/** A stream of project batches; each call to `next` returns the following `size` rows. */
export function projectBatches(random: Random, firstSequence: number) {
  const places = landingPlaces();
  const themes = industryThemes();
  let sequence = firstSequence;
  return {
    next(size: number): ProjectBatch {
      const batch = emptyBatch();
      for (let i = 0; i < size; i++) {
        sequence += 1;
        const place = places.pick(random);
        const { theme, classes } = themes.pick(random);
        const phrase = random.pick(theme.phrases);
        const name = projectName(random, place, phrase);
        const createdAt = FIRST + random.next() * (AS_OF - FIRST);
        const stage = STAGES.pick(random);
        const dates = stageDates(random, stage, createdAt);
        const yuan = investmentYuan(random);
        const isUsd = random.chance(0.03);
        // A dollar amount is a whole number of 万美元, so yuan = amount × 7.1 stays an exact integer.
        const amount = isUsd ? Math.max(10_000, Math.round(yuan / 7.1 / 10_000) * 10_000) : yuan;
        const amountYuan = isUsd ? (amount / 10) * 71 : amount;
        const code = `P${new Date(createdAt).getUTCFullYear()}${String(sequence).padStart(7, '0')}`;
        const nameEn = random.chance(0.2) ? name.en : null;
        const searchText = searchTextOf([name.zh, nameEn, code, null, place.nameZh]);
        const isBig = amountYuan >= 10 * YI;
        const row: Record<ProjectColumn, string | null> = {
          id: randomUuid(random),
          code,
          name_zh: name.zh,
          name_en: nameEn,
          region_code: place.code,
          industry_code: random.pick(classes),
          category_code: random.chance(0.75) ? theme.category : random.pick(CATEGORIES),
          investment_amount: String(amount),
          investment_currency: isUsd ? 'USD' : 'CNY',
          investment_qualifier: QUALIFIERS.pick(random),
          usd_rate: isUsd ? USD_RATE : null,
          investment_yuan: String(amountYuan),
          expected_output_yuan: random.chance(0.6)
            ? String(Math.round((amountYuan * (0.3 + 2.2 * random.next())) / 10_000) * 10_000)
            : null,
          source: SOURCES.pick(random),
          is_key: random.chance(isBig ? 0.35 : 0.06) ? 't' : 'f',
          is_major: random.chance(isBig ? 0.4 : 0.01) ? 't' : 'f',
          stage,
          stage_changed_on: isoDate(dates.changedAt),
          signed_on: dates.signedAt === null ? null : isoDate(dates.signedAt),
          dropped_reason: stage === 'dropped' ? random.pick(DROPPED_REASONS) : null,
          search_text: searchText,
          search_tokens: toTsvectorText(searchTokens(searchText)),
          created_at: new Date(createdAt).toISOString(),
          updated_at: new Date(dates.updatedAt).toISOString(),
        };
        for (const column of PROJECT_COLUMNS) batch[column].push(row[column]);
      }
      return batch;
    },
  };
}
