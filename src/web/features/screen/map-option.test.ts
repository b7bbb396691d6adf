import { describe, expect, it } from 'vitest';
import type { ScreenSnapshot } from '../../../contracts/screen.ts';
import { echartsMapName, mapOption, NANHAI_NAME } from './map-option.ts';

const area = (code: string, mapName: string, yuan: number): ScreenSnapshot['map']['areas'][number] => ({
  code,
  nameZh: mapName,
  nameEn: null,
  projects: 1,
  investmentYuan: yuan,
  mapName,
});
const labels = { pick: (zh: string, en: string | null) => en ?? zh, unit: '亿元' };

describe('the screen map option', () => {
  it("draws a city event's province map, shading its cities", () => {
    const option = mapOption(
      {
        key: '350000',
        areas: [area('350500', '泉州市', 300_000_000), area('350100', '福州市', 120_000_000)],
      },
      labels,
    );
    const [series] = option.series;
    expect(series?.map).toBe(echartsMapName('350000'));
    expect(series?.data).toEqual([
      { name: '泉州市', value: 3 },
      { name: '福州市', value: 1.2 },
    ]);
    expect(option.visualMap.max).toBe(3);
    expect(series?.data.some((item) => item.name === NANHAI_NAME)).toBe(false);
  });

  it('draws the national map with its 南海诸岛 inset plain and unshaded', () => {
    const option = mapOption({ key: 'china', areas: [area('350000', '福建', 324_000_000)] }, labels);
    const [series] = option.series;
    expect(series?.map).toBe(echartsMapName('china'));
    expect(series?.data[0]).toEqual({ name: '福建', value: 3.24 });
    const inset = series?.data.find((item) => item.name === NANHAI_NAME);
    expect(inset).toMatchObject({ emphasis: { disabled: true }, label: { show: false } });
    expect(inset).not.toHaveProperty('value');
    // Only areas with projects are named.
    expect(series?.label.formatter({ name: '福建' })).toBe('福建');
    expect(series?.label.formatter({ name: '河北' })).toBe('');
  });
});
