import { BarChart, MapChart, PieChart } from 'echarts/charts';
import { GeoComponent, GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import type { ScreenSnapshot } from '../../../contracts/screen.ts';
import { useLocale } from '../../i18n/locale.tsx';
import { echartsMapName, mapOption } from './map-option.ts';

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

/** The maps served at /api/screen/maps/{key}, each registered once per page load. */
const mapLoads = new Map<string, Promise<void>>();
function loadMap(key: string): Promise<void> {
  let load = mapLoads.get(key);
  if (!load) {
    load = fetch(`/api/screen/maps/${encodeURIComponent(key)}`)
      .then((response) => {
        if (!response.ok) throw new Error(`map: ${response.status}`);
        return response.json();
      })
      .then((geoJson) => echarts.registerMap(echartsMapName(key), geoJson))
      .catch((error: unknown) => {
        mapLoads.delete(key);
        throw error;
      });
    mapLoads.set(key, load);
  }
  return load;
}

/** The event's map: the national one with its 南海诸岛 inset, or its province's (or a deployer's finer one). */
export function RegionMap({ view }: { view: ScreenSnapshot['map'] }) {
  const { pick, t } = useLocale();
  const [readyKey, setReadyKey] = useState<string | null>(null);
  useEffect(() => {
    let isActive = true;
    loadMap(view.key)
      .then(() => isActive && setReadyKey(view.key))
      .catch(() => isActive && setReadyKey(null));
    return () => {
      isActive = false;
    };
  }, [view.key]);
  const option = readyKey === view.key ? mapOption(view, { pick, unit: t('screen.map.unit') }) : null;
  return <ScreenChart option={option} testId="screen-map" />;
}
