// Landing regions and industry classes drawn from the real reference data, with realistic weights.

import { INDUSTRY_DATA, REGION_BY_CODE, REGION_DATA } from '../../src/server/db/reference/index.ts';
import { createRandom, type Random, type Weighted, weighted } from './random.ts';
import { type IndustryTheme, THEMES } from './themes.ts';

export interface Place {
  code: string;
  /** The name stored in search_text (the landing county or park as the app writes it). */
  nameZh: string;
  nameEn: string | null;
  /** Short county name for project names (鲤城区 → 鲤城), or null for a park. */
  countyShort: string | null;
  /** Short city name (泉州市 → 泉州). */
  cityShort: string;
  cityEn: string;
}

/** Share of projects per province: Fujian first, then the coastal provinces it trades with. */
const PROVINCE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['35', 40],
  ['44', 14],
  ['33', 12],
  ['32', 11],
  ['36', 7],
  ['31', 6],
  ['13', 5],
  ['11', 5],
];
// Kinmen is administered from Taiwan: no mainland bureau lands projects there.
const EXCLUDED = new Set(['350527']);
const PARK_WEIGHT = 4;

function shortName(name: string): string {
  const trimmed = name.replace(/(自治县|新区|区|县|市)$/u, '');
  return Array.from(trimmed).length >= 2 ? trimmed : name;
}

function shortEn(name: string | null): string {
  return (name ?? '').replace(/ (District|County|City|Autonomous County)$/u, '');
}

function cityOf(code: string): { short: string; en: string } {
  const city = REGION_BY_CODE.get(`${code.slice(0, 4)}00`);
  const province = REGION_BY_CODE.get(`${code.slice(0, 2)}0000`);
  const row = city && !city.synthetic ? city : province;
  return { short: shortName(row?.nameZh ?? ''), en: shortEn(row?.nameEn ?? '') };
}

/** Counties (and parks) of the chosen provinces, each with a stable, skewed weight. */
export function landingPlaces(): Weighted<Place> {
  const random = createRandom(2260);
  const entries: [Place, number][] = [];
  for (const [province, share] of PROVINCE_WEIGHTS) {
    const rows = REGION_DATA.regions.filter(
      (row) =>
        row.code.startsWith(province) &&
        (row.level === 'county' || row.level === 'park') &&
        !EXCLUDED.has(row.code),
    );
    const raw = rows.map((row) => Math.exp(random.normal() * 0.8) * (row.level === 'park' ? PARK_WEIGHT : 1));
    const total = raw.reduce((sum, weight) => sum + weight, 0);
    rows.forEach((row, index) => {
      const city = cityOf(row.code);
      entries.push([
        {
          code: row.code,
          nameZh: row.nameZh,
          nameEn: row.nameEn,
          countyShort: row.level === 'county' ? shortName(row.nameZh) : null,
          cityShort: city.short,
          cityEn: city.en,
        },
        (share * (raw[index] ?? 0)) / total,
      ]);
    });
  }
  return weighted(entries);
}

export interface Industry {
  theme: IndustryTheme;
  classes: readonly string[];
}

/** Themes by weight, each with the real 4-digit classes of its division. */
export function industryThemes(): Weighted<Industry> {
  const classes = INDUSTRY_DATA.industries.filter((row) => row.level === 4).map((row) => row.code);
  return weighted(
    THEMES.map((theme) => {
      const own = classes.filter((code) => code.startsWith(theme.division));
      if (own.length === 0) throw new Error(`no GB/T 4754 class under division ${theme.division}`);
      return [{ theme, classes: own }, theme.weight] as const;
    }),
  );
}

/** A deterministic version-4-shaped UUID. */
export function randomUuid(random: Random): string {
  const hex = (n: number) =>
    Math.floor(n * 4294967296)
      .toString(16)
      .padStart(8, '0');
  const h = hex(random.next()) + hex(random.next()) + hex(random.next()) + hex(random.next());
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
