import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScreenMaps } from './map.ts';

const county = (code: string, name: string) => ({
  type: 'Feature',
  properties: { adcode: code, name },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [118, 25],
        [118.1, 25],
        [118.1, 25.1],
        [118, 25],
      ],
    ],
  },
});

function deployerDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'luodi-maps-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('screen maps', () => {
  const quanzhou = JSON.stringify({
    type: 'FeatureCollection',
    features: [county('350502', '鲤城区'), county('350503', '丰泽区')],
  });
  const maps = loadScreenMaps({
    mapFile: null,
    mapDir: deployerDir({ '350500.json': quanzhou, 'notes.txt': 'x' }),
  });
  const regions = (code: string) => [
    { code, nameZh: '' },
    { code: `${code.slice(0, 4)}00`, nameZh: '' },
    { code: `${code.slice(0, 2)}0000`, nameZh: '' },
  ];

  it.each([
    ['the country', '000000', 'china'],
    ['a province', '350000', '350000'],
    ['a city with a bundled province map only', '350100', '350000'],
    ["a city with the deployer's city map", '350500', '350500'],
    ['a county of that city (a park under it too)', '350503001', '350500'],
    ['a municipality', '110105', '110000'],
  ])('picks the finest map for %s', (_name, regionCode, key) => {
    expect(maps.forRegion(regionCode).key).toBe(key);
  });

  it("shades the deployer's city map by county and the national map by province", () => {
    expect(maps.forRegion('350500').areaOf(regions('350503'))).toEqual({ at: 0, name: '丰泽区' });
    expect(maps.forRegion('350500').areaOf(regions('350100'))).toBeNull();
    expect(maps.national.areaOf(regions('350503'))).toEqual({ at: 2, name: '福建' });
    expect(maps.byKey('350500')?.body).toBe(quanzhou);
    expect(maps.byKey('130000')?.key).toBe('130000');
    expect(maps.byKey('350100')).toBeNull();
  });

  it('refuses a broken deployer map at start-up, naming the setting and the file', () => {
    const dir = deployerDir({ '350500.json': '{"type":"FeatureCollection"}' });
    expect(() => loadScreenMaps({ mapFile: null, mapDir: dir })).toThrow(
      `LUODI_MAP_DIR: cannot use ${path.join(dir, '350500.json')} as a GeoJSON map: no "features" array`,
    );
  });
});
