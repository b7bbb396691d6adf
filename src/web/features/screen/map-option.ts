import type { ScreenSnapshot } from '../../../contracts/screen.ts';

// The ECharts option of the screen's map, apart from the canvas so it can be checked without one.

type MapView = ScreenSnapshot['map'];
type Area = MapView['areas'][number];

/** The 南海诸岛 inset the server adds to the national map: drawn as lines, never shaded or hovered. */
export const NANHAI_NAME = '南海诸岛';
const TEXT = '#cfe3ff';
const LINE = '#5b8fd6';
const YI = 100_000_000;
const yi = (yuan: number) => Math.round((yuan / YI) * 100) / 100;

/** The name a map is registered under in ECharts: one per key, so province and national maps coexist. */
export const echartsMapName = (key: string) => `luodi-${key}`;

export interface MapLabels {
  pick(zh: string, en: string | null): string;
  unit: string;
}

/** Shades the areas where projects land, names only those, and keeps the inset plain. */
export function mapOption(view: MapView, labels: MapLabels) {
  const max = Math.max(1, ...view.areas.map((area) => yi(area.investmentYuan)));
  const byMapName = new Map<string, Area>(view.areas.map((area) => [area.mapName, area]));
  const isNational = view.key === 'china';
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { name: string }) => {
        const area = byMapName.get(params.name);
        if (!area) return params.name;
        return `${labels.pick(area.nameZh, area.nameEn)}<br/>${yi(area.investmentYuan)} ${labels.unit}`;
      },
    },
    visualMap: {
      min: 0,
      max,
      left: 16,
      bottom: 16,
      calculable: false,
      text: [String(max), '0'],
      textStyle: { color: TEXT },
      inRange: { color: ['#16386e', '#2f7dd1', '#ffd166', '#ff6b35'] },
    },
    series: [
      {
        type: 'map',
        map: echartsMapName(view.key),
        roam: false,
        // Fitted inside the panel, so the national map's inset at bottom right is never cut off.
        zoom: 1,
        top: '6%',
        bottom: '4%',
        left: '4%',
        right: '4%',
        label: {
          show: true,
          color: '#fff',
          fontSize: 13,
          formatter: (params: { name: string }) => {
            const area = byMapName.get(params.name);
            return area ? labels.pick(area.nameZh, area.nameEn) : '';
          },
        },
        itemStyle: { areaColor: '#0d2452', borderColor: '#3a6db5', borderWidth: 0.8 },
        emphasis: { label: { show: true, color: '#fff' }, itemStyle: { areaColor: '#ffd166' } },
        data: [
          ...view.areas.map((area) => ({ name: area.mapName, value: yi(area.investmentYuan) })),
          ...(isNational
            ? [
                {
                  name: NANHAI_NAME,
                  itemStyle: { areaColor: LINE, borderColor: LINE },
                  label: { show: false },
                  emphasis: { disabled: true },
                  tooltip: { show: false },
                  select: { disabled: true },
                },
              ]
            : []),
        ],
      },
    ],
  };
}
