import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { withNanhaiInset } from './nanhai.ts';

/** The bundled maps: ECharts 4.9's china.json and its province maps (see maps/README.md). */
export const BUNDLED_MAP_FILE = path.join(import.meta.dirname, 'maps', 'china.json');
const BUNDLED_PROVINCES = path.join(import.meta.dirname, 'maps', 'province');

/** The national map's key; other maps are keyed by their region's GB/T 2260 code. */
export const NATIONAL_MAP = 'china';

/** A region a project counts in, finest first: its county, city and province. */
export type AreaKey = { code: string; nameZh: string };

export interface ScreenMap {
  key: string;
  /** The GeoJSON text served to the screen. */
  body: string;
  /** The first of a project's regions the map draws (its index) and the feature's name; null when off the map. */
  areaOf(regions: AreaKey[]): { at: number; name: string } | null;
}

export interface ScreenMaps {
  national: ScreenMap;
  /** The finest map covering an event's region: a deployer's city or province map, a bundled province map, the national one. */
  forRegion(regionCode: string): ScreenMap;
  /** A map by key, for serving; null when there is none. */
  byKey(key: string): ScreenMap | null;
  /** The national map's feature name for a province (code 350000 or any code under it). */
  provinceName(code: string, nameZh: string): string;
}

type Feature = { id?: unknown; properties?: { name?: unknown; adcode?: unknown; id?: unknown } };

// Names without the administrative suffix, so 福建省 finds 福建 and 广西壮族自治区 finds 广西.
const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const REGION_FILE = /^(\d{6})\.json$/;

/** Reads and indexes a map file; a missing or malformed file fails, naming the file and the setting. */
function readMap(
  key: string,
  source: string,
  setting: string,
  transform?: (json: object) => object,
): ScreenMap {
  let body: string;
  let features: Feature[];
  try {
    body = readFileSync(source, 'utf8');
    const parsed = JSON.parse(body) as { features?: unknown };
    if (!Array.isArray(parsed.features)) throw new Error('no "features" array');
    if (transform) body = JSON.stringify(transform(parsed));
    features = parsed.features as Feature[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${setting}: cannot use ${source} as a GeoJSON map: ${reason}`);
  }
  const byCode = new Map<string, string>();
  const byName = new Map<string, string>();
  for (const feature of features) {
    const name = feature.properties?.name;
    if (typeof name !== 'string') continue;
    const code = String(feature.properties?.adcode ?? feature.id ?? feature.properties?.id ?? '');
    if (/^\d{6}$/.test(code)) byCode.set(code, name);
    byName.set(name, name);
    byName.set(name.replace(SUFFIX, ''), name);
  }
  return {
    key,
    body,
    areaOf(regions) {
      for (const [at, { code }] of regions.entries()) {
        const name = byCode.get(code);
        if (name) return { at, name };
      }
      // A map without codes is matched by name (with or without the suffix).
      for (const [at, { nameZh }] of regions.entries()) {
        const name = byName.get(nameZh) ?? byName.get(nameZh.replace(SUFFIX, ''));
        if (name) return { at, name };
      }
      return null;
    },
  };
}

export interface MapSources {
  /** A deployer's approved national map (LUODI_MAP_FILE); null: the bundled one with its 南海诸岛 inset. */
  mapFile: string | null;
  /** A deployer's folder of province and city maps named by code, e.g. 350500.json (LUODI_MAP_DIR). */
  mapDir?: string | null;
}

/** The screen's maps: the deployer's are read at start-up (so a bad file stops it), bundled provinces on first use. */
export function loadScreenMaps(sources: MapSources): ScreenMaps {
  const national = sources.mapFile
    ? readMap(NATIONAL_MAP, sources.mapFile, 'LUODI_MAP_FILE')
    : readMap(NATIONAL_MAP, BUNDLED_MAP_FILE, 'bundled map', withNanhaiInset);
  const deployed = new Map<string, ScreenMap>();
  if (sources.mapDir) {
    let names: string[];
    try {
      names = readdirSync(sources.mapDir);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`LUODI_MAP_DIR: cannot read ${sources.mapDir}: ${reason}`);
    }
    for (const name of names) {
      const code = REGION_FILE.exec(name)?.[1];
      if (code) deployed.set(code, readMap(code, path.join(sources.mapDir, name), 'LUODI_MAP_DIR'));
    }
  }
  const bundled = new Map<string, ScreenMap | null>();
  function bundledProvince(code: string): ScreenMap | null {
    if (!bundled.has(code)) {
      const file = path.join(BUNDLED_PROVINCES, `${code}.json`);
      bundled.set(code, existsSync(file) ? readMap(code, file, 'bundled map') : null);
    }
    return bundled.get(code) ?? null;
  }
  function byKey(key: string): ScreenMap | null {
    if (key === NATIONAL_MAP) return national;
    if (!/^\d{4}00$/.test(key)) return null;
    return deployed.get(key) ?? (key.endsWith('0000') ? bundledProvince(key) : null);
  }
  return {
    national,
    byKey,
    forRegion(regionCode) {
      // 000000 is the country (COUNTRY_CODE in db/seed-reference.ts).
      if (!/^\d{6}/.test(regionCode) || regionCode.startsWith('00')) return national;
      const city = `${regionCode.slice(0, 4)}00`;
      const province = `${regionCode.slice(0, 2)}0000`;
      const cityMap = regionCode.slice(0, 6) !== province ? deployed.get(city) : undefined;
      return cityMap ?? byKey(province) ?? national;
    },
    provinceName(code, nameZh) {
      const province = `${code.slice(0, 2)}0000`;
      return national.areaOf([{ code: province, nameZh }])?.name ?? nameZh.replace(SUFFIX, '');
    },
  };
}
