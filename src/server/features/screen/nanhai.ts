// The 南海诸岛 inset of the national map. ECharts 4.9's china.json has no such feature (ECharts adds it in
// code, only to a map registered as "china"), so the served map carries it: the box and islands of ECharts'
// coord/geo/fix/nanhai (Apache-2.0), drawn at bottom right beside Taiwan as on official maps.

export const NANHAI_NAME = '南海诸岛';

/** Where the inset's top-left corner sits (longitude, latitude). */
const ORIGIN = [126, 25] as const;

// Outline points in ECharts' units: x / 10.5 degrees east, y / 14 degrees south of ORIGIN.
const RINGS: [number, number][][] = [
  [
    [0, 3.5],
    [7, 11.2],
    [15, 11.9],
    [30, 7],
    [42, 0.7],
    [52, 0.7],
    [56, 7.7],
    [59, 0.7],
    [64, 0.7],
    [64, 0],
    [5, 0],
    [0, 3.5],
  ],
  [
    [13, 16.1],
    [19, 14.7],
    [16, 21.7],
    [11, 23.1],
    [13, 16.1],
  ],
  [
    [12, 32.2],
    [14, 38.5],
    [15, 38.5],
    [13, 32.2],
    [12, 32.2],
  ],
  [
    [16, 47.6],
    [12, 53.2],
    [13, 53.2],
    [18, 47.6],
    [16, 47.6],
  ],
  [
    [6, 64.4],
    [8, 70],
    [9, 70],
    [8, 64.4],
    [6, 64.4],
  ],
  [
    [23, 82.6],
    [29, 79.8],
    [30, 79.8],
    [25, 82.6],
    [23, 82.6],
  ],
  [
    [37, 70.7],
    [43, 62.3],
    [44, 62.3],
    [39, 70.7],
    [37, 70.7],
  ],
  [
    [48, 51.1],
    [51, 45.5],
    [53, 45.5],
    [50, 51.1],
    [48, 51.1],
  ],
  [
    [51, 35],
    [51, 28.7],
    [53, 28.7],
    [53, 35],
    [51, 35],
  ],
  [
    [52, 22.4],
    [55, 17.5],
    [56, 17.5],
    [53, 22.4],
    [52, 22.4],
  ],
  [
    [58, 12.6],
    [62, 7],
    [63, 7],
    [60, 12.6],
    [58, 12.6],
  ],
  [
    [0, 3.5],
    [0, 93.1],
    [64, 93.1],
    [64, 0],
    [63, 0],
    [63, 92.4],
    [1, 92.4],
    [1, 3.5],
    [0, 3.5],
  ],
];

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** The inset as a GeoJSON feature: a framed box holding the dashed boundary of the South China Sea. */
export function nanhaiFeature() {
  return {
    type: 'Feature',
    properties: { name: NANHAI_NAME, cp: [...ORIGIN] },
    geometry: {
      type: 'MultiPolygon',
      coordinates: RINGS.map((ring) => [
        ring.map(([x, y]) => [round(ORIGIN[0] + x / 10.5), round(ORIGIN[1] - (y * 0.75) / 10.5)]),
      ]),
    },
  };
}

/** The map with the inset added, unless a feature already draws 南海诸岛. */
export function withNanhaiInset(json: object): object {
  const map = json as { features: { properties?: { name?: unknown } }[] };
  if (map.features.some((feature) => feature.properties?.name === NANHAI_NAME)) return json;
  return { ...map, features: [...map.features, nanhaiFeature()] };
}
