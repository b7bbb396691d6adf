import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The bundled map: ECharts 4.9's china.json (see maps/README.md). */
export const BUNDLED_MAP_FILE = path.join(import.meta.dirname, 'maps', 'china.json');

export interface ScreenMap {
  /** The GeoJSON text exactly as the file holds it, served as is. */
  body: string;
  /** The map's feature name for a province (code 350000 or any code under it). */
  provinceName(code: string, nameZh: string): string;
}

type Feature = { id?: unknown; properties?: { name?: unknown; adcode?: unknown; id?: unknown } };

// Names without the administrative suffix, so 福建省 finds 福建 and 广西壮族自治区 finds 广西.
const SUFFIX = /(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;

/** Reads and indexes a map file; a missing or malformed file fails at start-up, naming the file. */
export function loadScreenMap(file: string | null): ScreenMap {
  const source = file ?? BUNDLED_MAP_FILE;
  let body: string;
  let features: Feature[];
  try {
    body = readFileSync(source, 'utf8');
    const parsed = JSON.parse(body) as { features?: unknown };
    if (!Array.isArray(parsed.features)) throw new Error('no "features" array');
    features = parsed.features as Feature[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`LUODI_MAP_FILE: cannot use ${source} as a GeoJSON map: ${reason}`);
  }
  const byPrefix = new Map<string, string>();
  const names: string[] = [];
  for (const feature of features) {
    const name = feature.properties?.name;
    if (typeof name !== 'string') continue;
    names.push(name);
    const code = String(feature.properties?.adcode ?? feature.id ?? feature.properties?.id ?? '');
    if (/^\d{6}$/.test(code)) byPrefix.set(code.slice(0, 2), name);
  }
  return {
    body,
    provinceName(code, nameZh) {
      const byCode = byPrefix.get(code.slice(0, 2));
      if (byCode) return byCode;
      const short = nameZh.replace(SUFFIX, '');
      return names.find((name) => name === nameZh || name.replace(SUFFIX, '') === short) ?? short;
    },
  };
}
