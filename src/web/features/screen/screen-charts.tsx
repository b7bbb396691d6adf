import { BarChart, MapChart, PieChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { ScreenSnapshot } from '../../../contracts/screen.ts';
import { useLocale } from '../../i18n/locale.tsx';

// The screen's own ECharts parts (map, pie, visual map), kept out of the chart module every page loads.
echarts.use([
  BarChart,
  PieChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  GeoComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

const MAP_NAME = 'luodi-china';
const TEXT = '#cfe3ff';
const MUTED = '#7f9cc7';
const PALETTE = ['#ffd166', '#4cc9f0', '#f72585', '#7ae582', '#b388ff', '#ff9f1c', '#48bfe3', '#e76f51'];
const YI = 100_000_000;

type Slice = ScreenSnapshot['byIndustry'][number];

/** An ECharts canvas that fills its box and follows its option. */
function ScreenChart({ option, testId }: { option: echarts.EChartsCoreOption | null; testId: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    chart.current = echarts.init(element.current, undefined, { renderer: 'canvas' });
    const observer = new ResizeObserver(() => chart.current?.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // Merge (not replace) so bars and map colours move smoothly when a signing lands.
    if (option) chart.current?.setOption(option);
  }, [option]);
  return <div ref={element} style={{ width: '100%', height: '100%' }} data-testid={testId} />;
}

const yi = (yuan: number) => Math.round((yuan / YI) * 100) / 100;

export function IndustryBars({ slices }: { slices: Slice[] }) {
  const { pick } = useLocale();
  const top = slices.slice(0, 8).reverse();
  const option = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', show: false },
    yAxis: {
      type: 'category',
      data: top.map((s) => pick(s.nameZh, s.nameEn)),
      axisLabel: { color: TEXT, fontSize: 13, width: 170, overflow: 'truncate' },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        data: top.map((s, index) => ({
          value: yi(s.investmentYuan),
          itemStyle: {
            color: PALETTE[(top.length - 1 - index) % PALETTE.length],
            borderRadius: [0, 6, 6, 0],
          },
        })),
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: TEXT, fontSize: 13 },
      },
    ],
  };
  return <ScreenChart option={option} testId="screen-industry-chart" />;
}

export function CityPie({ slices }: { slices: Slice[] }) {
  const { pick, locale } = useLocale();
  const top = slices.slice(0, 7);
  const rest = slices.slice(7).reduce((sum, s) => sum + s.investmentYuan, 0);
  const data = top.map((s) => ({ name: pick(s.nameZh, s.nameEn), value: yi(s.investmentYuan) }));
  if (rest > 0) data.push({ name: locale === 'zh-CN' ? '其他' : 'Others', value: yi(rest) });
  const option = {
    color: PALETTE,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    series: [
      {
        type: 'pie',
        radius: ['36%', '60%'],
        center: ['50%', '52%'],
        data,
        label: { color: TEXT, fontSize: 13, formatter: '{b}\n{d}%' },
        labelLine: { lineStyle: { color: MUTED } },
        itemStyle: { borderColor: '#081a3a', borderWidth: 2 },
      },
    ],
  };
  return <ScreenChart option={option} testId="screen-city-chart" />;
}

/** The GeoJSON served at /api/screen/map, registered once per page load. */
let mapLoad: Promise<void> | null = null;
function loadMap(): Promise<void> {
  mapLoad ??= fetch('/api/screen/map')
    .then((response) => {
      if (!response.ok) throw new Error(`map: ${response.status}`);
      return response.json();
    })
    .then((geoJson) => echarts.registerMap(MAP_NAME, geoJson))
    .catch((error: unknown) => {
      mapLoad = null;
      throw error;
    });
  return mapLoad;
}

export function ProvinceMap({ slices }: { slices: ScreenSnapshot['byProvince'] }) {
  const { pick, t } = useLocale();
  const [isReady, setReady] = useState(false);
  useEffect(() => {
    let isActive = true;
    loadMap()
      .then(() => isActive && setReady(true))
      .catch(() => isActive && setReady(false));
    return () => {
      isActive = false;
    };
  }, []);
  const max = Math.max(1, ...slices.map((s) => yi(s.investmentYuan)));
  const byMapName = new Map(slices.map((s) => [s.mapName, s]));
  const option = isReady
    ? {
        tooltip: {
          trigger: 'item',
          formatter: (params: { name: string }) => {
            const slice = byMapName.get(params.name);
            if (!slice) return params.name;
            return `${pick(slice.nameZh, slice.nameEn)}<br/>${yi(slice.investmentYuan)} ${t('screen.map.unit')}`;
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
            map: MAP_NAME,
            roam: false,
            zoom: 1.15,
            top: '12%',
            // Name only the provinces where projects land; the rest stay quiet.
            label: {
              show: true,
              color: '#fff',
              fontSize: 13,
              formatter: (params: { name: string }) => {
                const slice = byMapName.get(params.name);
                return slice ? pick(slice.nameZh, slice.nameEn) : '';
              },
            },
            itemStyle: { areaColor: '#0d2452', borderColor: '#3a6db5', borderWidth: 0.8 },
            emphasis: { label: { show: true, color: '#fff' }, itemStyle: { areaColor: '#ffd166' } },
            data: slices.map((s) => ({ name: s.mapName, value: yi(s.investmentYuan) })),
          },
        ],
      }
    : null;
  return <ScreenChart option={option} testId="screen-map" />;
}
