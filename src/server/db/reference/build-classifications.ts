/**
 * One-off generator for `industries.json` (GB/T 4754-2017) and `digital-economy.json` (数字经济及其核心产业
 * 统计分类（2021）). Run: `npx tsx src/server/db/reference/build-classifications.ts`.
 *
 * Inputs are the transcriptions in `sources/` (tab-separated `code<TAB>nameZh[<TAB>nameEn]`, in the order of
 * the original; `digital-economy-2021.tsv` may carry a fourth column of space-separated GB/T 4754-2017 class
 * codes that a cited source ties to that category). In `gbt4754-2017.tsv` the third column is Luodi's English
 * name for groups and classes; sections and divisions take theirs from INDUSTRY_EN below. Where they came
 * from, and what was changed while transcribing, is written into the output files' `source` and `notes`
 * fields below, so the JSON files stay self-describing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

interface IndustryRow {
  code: string;
  parentCode: string | null;
  level: 1 | 2 | 3 | 4;
  nameZh: string;
  nameEn: string | null;
}

interface DigitalEconomyRow {
  code: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
  nameZh: string;
  nameEn: string | null;
  industryCodes: string[];
  partial: boolean;
}

function readTsv(file: string): string[][] {
  return readFileSync(join(here, 'sources', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** The standard prints full-width brackets; the SQL dump mixes in ASCII ones. */
function normalizeName(name: string): string {
  return name.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');
}

/** Names in the dump that differ from the standard, each confirmed by at least one other independent copy. */
const NAME_CORRECTIONS: Record<string, string> = {
  '15': '酒、饮料和精制茶制造业',
  '2780': '药用辅料及包装材料制造',
};

/** English titles of the sections and divisions, as in the English edition of the classification. */
const INDUSTRY_EN: Record<string, string> = {
  A: 'Agriculture, Forestry, Animal Husbandry and Fishery',
  B: 'Mining',
  C: 'Manufacturing',
  D: 'Production and Supply of Electricity, Heat, Gas and Water',
  E: 'Construction',
  F: 'Wholesale and Retail Trades',
  G: 'Transport, Storage and Post',
  H: 'Accommodation and Catering',
  I: 'Information Transmission, Software and Information Technology Services',
  J: 'Finance',
  K: 'Real Estate',
  L: 'Leasing and Business Services',
  M: 'Scientific Research and Technology Services',
  N: 'Management of Water Conservancy, Environment and Public Facilities',
  O: 'Resident, Repair and Other Services',
  P: 'Education',
  Q: 'Health and Social Work',
  R: 'Culture, Sports and Entertainment',
  S: 'Public Management, Social Security and Social Organizations',
  T: 'International Organizations',
  '01': 'Agriculture',
  '02': 'Forestry',
  '03': 'Animal Husbandry',
  '04': 'Fishery',
  '05': 'Professional and Support Activities for Agriculture, Forestry, Animal Husbandry and Fishery',
  '06': 'Mining and Washing of Coal',
  '07': 'Extraction of Petroleum and Natural Gas',
  '08': 'Mining and Processing of Ferrous Metal Ores',
  '09': 'Mining and Processing of Non-ferrous Metal Ores',
  '10': 'Mining and Processing of Non-metal Ores',
  '11': 'Professional and Support Activities for Mining',
  '12': 'Mining of Other Ores',
  '13': 'Processing of Food from Agricultural Products',
  '14': 'Manufacture of Foods',
  '15': 'Manufacture of Liquor, Beverages and Refined Tea',
  '16': 'Manufacture of Tobacco',
  '17': 'Manufacture of Textiles',
  '18': 'Manufacture of Textile Wearing Apparel and Accessories',
  '19': 'Manufacture of Leather, Fur, Feather and Related Products and Footwear',
  '20': 'Processing of Timber, Manufacture of Wood, Bamboo, Rattan, Palm and Straw Products',
  '21': 'Manufacture of Furniture',
  '22': 'Manufacture of Paper and Paper Products',
  '23': 'Printing and Reproduction of Recording Media',
  '24': 'Manufacture of Articles for Culture, Education, Arts and Crafts, Sports and Entertainment Activities',
  '25': 'Processing of Petroleum, Coal and Other Fuels',
  '26': 'Manufacture of Raw Chemical Materials and Chemical Products',
  '27': 'Manufacture of Medicines',
  '28': 'Manufacture of Chemical Fibers',
  '29': 'Manufacture of Rubber and Plastics Products',
  '30': 'Manufacture of Non-metallic Mineral Products',
  '31': 'Smelting and Pressing of Ferrous Metals',
  '32': 'Smelting and Pressing of Non-ferrous Metals',
  '33': 'Manufacture of Metal Products',
  '34': 'Manufacture of General Purpose Machinery',
  '35': 'Manufacture of Special Purpose Machinery',
  '36': 'Manufacture of Automobiles',
  '37': 'Manufacture of Railway, Ship, Aerospace and Other Transport Equipment',
  '38': 'Manufacture of Electrical Machinery and Apparatus',
  '39': 'Manufacture of Computers, Communication and Other Electronic Equipment',
  '40': 'Manufacture of Measuring Instruments and Machinery',
  '41': 'Other Manufacturing',
  '42': 'Utilization of Waste Resources',
  '43': 'Repair Services of Metal Products, Machinery and Equipment',
  '44': 'Production and Supply of Electric Power and Heat Power',
  '45': 'Production and Supply of Gas',
  '46': 'Production and Supply of Water',
  '47': 'Construction of Buildings',
  '48': 'Civil Engineering',
  '49': 'Construction Installation Activities',
  '50': 'Building Decoration, Renovation and Other Construction Activities',
  '51': 'Wholesale Trade',
  '52': 'Retail Trade',
  '53': 'Rail Transport',
  '54': 'Road Transport',
  '55': 'Water Transport',
  '56': 'Air Transport',
  '57': 'Pipeline Transport',
  '58': 'Multimodal Transport and Transport Agency',
  '59': 'Loading, Unloading, Handling and Storage',
  '60': 'Postal Services',
  '61': 'Accommodation',
  '62': 'Catering Services',
  '63': 'Telecommunications, Broadcasting, Television and Satellite Transmission Services',
  '64': 'Internet and Related Services',
  '65': 'Software and Information Technology Services',
  '66': 'Monetary Financial Services',
  '67': 'Capital Market Services',
  '68': 'Insurance',
  '69': 'Other Financial Activities',
  '70': 'Real Estate',
  '71': 'Leasing',
  '72': 'Business Services',
  '73': 'Research and Experimental Development',
  '74': 'Professional Technical Services',
  '75': 'Technology Promotion and Application Services',
  '76': 'Management of Water Conservancy',
  '77': 'Ecological Protection and Environmental Governance',
  '78': 'Management of Public Facilities',
  '79': 'Land Management',
  '80': 'Resident Services',
  '81': 'Repair of Motor Vehicles, Electronic Products and Household Goods',
  '82': 'Other Services',
  '83': 'Education',
  '84': 'Health',
  '85': 'Social Work',
  '86': 'News and Publishing',
  '87': 'Radio, Television, Film and Audio-Visual Recording Production',
  '88': 'Culture and Arts',
  '89': 'Sports',
  '90': 'Entertainment',
  '91': 'Organs of the Communist Party of China',
  '92': 'State Organs',
  '93': 'CPPCC and Democratic Parties',
  '94': 'Social Security',
  '95': 'Mass Organizations, Social Organizations and Other Membership Organizations',
  '96': 'Grass-roots Self-governing Organizations and Other Organizations',
  '97': 'International Organizations',
};

function levelOf(code: string): 1 | 2 | 3 | 4 {
  if (/^[A-T]$/.test(code)) return 1;
  if (/^\d{2}$/.test(code)) return 2;
  if (/^\d{3}$/.test(code)) return 3;
  if (/^\d{4}$/.test(code)) return 4;
  throw new Error(`bad industry code ${code}`);
}

function buildIndustries(): { rows: IndustryRow[]; synthesizedGroups: number } {
  const rows: IndustryRow[] = [];
  const seen = new Set<string>();
  let section: string | null = null;
  let synthesizedGroups = 0;
  for (const [code, rawName, rawNameEn] of readTsv('gbt4754-2017.tsv')) {
    if (code === undefined || rawName === undefined) throw new Error('short line in gbt4754-2017.tsv');
    const nameZh = NAME_CORRECTIONS[code] ?? normalizeName(rawName);
    const level = levelOf(code);
    // Sections and divisions: INDUSTRY_EN (English-edition titles). Groups and classes: the TSV's third column.
    const nameEn = level <= 2 ? (INDUSTRY_EN[code] ?? null) : rawNameEn || null;
    if (level > 2 && nameEn === null) throw new Error(`no English name for ${code} in gbt4754-2017.tsv`);
    if (level === 1) section = code;
    if (level === 2 && section === null) throw new Error(`division ${code} before any section`);
    // The dump, like the printed standard, lists a group that has a single class only as that class
    // (code ending in 0, same name); we restore the group row.
    if (level === 4 && !seen.has(code.slice(0, 3))) {
      if (!code.endsWith('0')) throw new Error(`class ${code} without its group`);
      rows.push({ code: code.slice(0, 3), parentCode: code.slice(0, 2), level: 3, nameZh, nameEn });
      seen.add(code.slice(0, 3));
      synthesizedGroups++;
    }
    const parentCode = level === 1 ? null : level === 2 ? section : code.slice(0, level === 3 ? 2 : 3);
    if (seen.has(code)) throw new Error(`duplicate industry code ${code}`);
    seen.add(code);
    rows.push({ code, parentCode, level, nameZh, nameEn });
  }
  return { rows, synthesizedGroups };
}

function buildDigitalEconomy(industries: IndustryRow[]): {
  rows: DigitalEconomyRow[];
  mapped: string[];
  listed: string[];
} {
  const classesUnder = (code: string): string[] =>
    industries.filter((row) => row.level === 4 && row.code.startsWith(code)).map((row) => row.code);
  const classCodes = new Set(industries.filter((row) => row.level === 4).map((row) => row.code));
  const mapped: string[] = [];
  const listed: string[] = [];
  const rows = readTsv('digital-economy-2021.tsv').map(
    ([code, nameZh, nameEn, sourced]): DigitalEconomyRow => {
      if (code === undefined || nameZh === undefined)
        throw new Error('short line in digital-economy-2021.tsv');
      const level = code.length === 2 ? 1 : code.length === 4 ? 2 : 3;
      const parentCode = level === 1 ? null : code.slice(0, level === 2 ? 2 : 4);
      // A 中类 whose name is, character for character, the name of a GB/T 4754 division or group takes all
      // the classes under it.
      const twin =
        level === 2
          ? industries.find((row) => row.level < 4 && row.level > 1 && row.nameZh === nameZh)
          : undefined;
      if (twin) mapped.push(`${code} ${nameZh} = GB/T 4754 ${twin.code}`);
      // Classes that a cited source names as part of the category (fourth column; see the notes).
      const explicit = (sourced ?? '').split(/[\s,]+/).filter((cell) => cell !== '');
      for (const industryCode of explicit) {
        if (!classCodes.has(industryCode))
          throw new Error(`${code}: ${industryCode} is not a GB/T 4754-2017 class`);
      }
      if (explicit.length > 0) listed.push(`${code} ${nameZh} → ${explicit.join(', ')}`);
      const industryCodes = [...new Set([...(twin ? classesUnder(twin.code) : []), ...explicit])].sort();
      return {
        code,
        parentCode,
        level,
        nameZh,
        nameEn: nameEn ?? null,
        industryCodes,
        partial: code.startsWith('05'),
      };
    },
  );
  return { rows, mapped, listed };
}

function writeCompact(
  file: string,
  meta: Record<string, unknown>,
  key: string,
  rows: readonly object[],
): void {
  const metaJson = JSON.stringify(meta, null, 2);
  const lines = rows.map((row) => `    ${JSON.stringify(row)}`);
  const text = `${metaJson.slice(0, -2)},\n  "${key}": [\n${lines.join(',\n')}\n  ]\n}\n`;
  JSON.parse(text);
  writeFileSync(join(here, file), text);
}

function countByLevel(rows: readonly { level: number }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[String(row.level)] = (counts[String(row.level)] ?? 0) + 1;
  return counts;
}

function main(): void {
  const { rows: industries, synthesizedGroups } = buildIndustries();
  const industryCounts = countByLevel(industries);
  writeCompact(
    'industries.json',
    {
      standard: 'GB/T 4754-2017 国民经济行业分类',
      version: '2017',
      source:
        'github.com/bi38324/newOA newoa.sql@81603f55533e8b63f21ccfe5beb0597ab9e502d0 (table `industry`, 1772 rows), transcribed to sources/gbt4754-2017.tsv',
      counts: industryCounts,
      notes: [
        'Levels: 1 门类 section (A–T), 2 大类 division, 3 中类 group, 4 小类 class.',
        `${synthesizedGroups} groups that have a single class (class code ending in 0, same name) are not separate rows in the source; they were restored with the class's name, as the standard prints them.`,
        '1381 classes is the count of the 2017 edition. The 2019 amendment (第1号修改单) is not applied: its text could not be obtained here (a 2025 statistics-bureau page counts 1382 classes after it).',
        'Names: ASCII brackets and stray spaces normalized to the standard’s full-width form; 15 “酒、饮料及精制茶制造业” → “酒、饮料和精制茶制造业” and 2780 “药用辅料及包装材料” → “药用辅料及包装材料制造”, each confirmed by other independent copies.',
        'nameEn of sections and divisions: titles of the English edition of the classification (INDUSTRY_EN in build-classifications.ts). nameEn of groups and classes: Luodi’s own translation (sources/gbt4754-2017.tsv, third column), not an official text: no public English edition of GB/T 4754-2017 at group or class level could be found here, so none of these names is taken from one. They follow ISIC Rev.4 wording (“Manufacture of …”, “Wholesale of …”, “Retail sale of …”, “Construction of …”, “Cultivation of …”, “Raising of …”, “n.e.c.” for 其他未列明); a single-class group carries its class’s name.',
      ],
    },
    'industries',
    industries,
  );

  const { rows: digital, mapped, listed } = buildDigitalEconomy(industries);
  writeCompact(
    'digital-economy.json',
    {
      standard: '数字经济及其核心产业统计分类（2021）（国家统计局令第33号）',
      version: '2021',
      source:
        'No machine-readable copy of the full table (小类 and 对应行业代码) was reachable: searched public GitHub code (exact strings such as 010101, 计算机整机制造 next to 3911, 通讯及雷达设备制造, 数字化效率提升业 小类 names) and stored web pages, with no hit. 大类: the statute as reported (e.g. emocco.com/content_article_6543.html); 中类 names in the statute’s order: sicmodule.glev.cn/mobile/quote/11296.html; codes follow the statute’s numbering (大类 01–05, 中类 = 大类 + 2-digit sequence). Classes named for 0104 and 0407: emocco.com/content_article_6543.html. Transcribed to sources/digital-economy-2021.tsv.',
      counts: countByLevel(digital),
      notes: [
        'Levels: 1 大类, 2 中类, 3 小类. 01–04 are the core industries (数字经济核心产业); 05 数字化效率提升业 is industrial digitalization.',
        '大类 and 中类 codes and names checked against the 37 categories of the statute (5 大类; 中类 6 + 5 + 5 + 7 + 9 = 32); no difference found.',
        'MISSING: every 小类 (6-digit code such as 010101 计算机整机制造) and the standard’s own 对应行业代码 column with its * marks. No verifiable copy was found, and none were made up.',
        'industryCodes is therefore incomplete. For scale: the core industries 01–04 correspond to 126 GB/T 4754-2017 classes (26 divisions, 68 groups), 05 to 1,256 classes (91 divisions, 431 groups) — github.com/Zeuyel/Digitial-Economics 9.第九章/full.md@16694d0e298f49c41e3f42488576aa2a6e1371f8 (a textbook chapter quoting the statistics bureau). The rows below cover ' +
          String(
            new Set(digital.filter((row) => !row.code.startsWith('05')).flatMap((row) => row.industryCodes))
              .size,
          ) +
          ' of those 126.',
        `Where a 中类 name equals a GB/T 4754-2017 division or group name exactly, it lists every class under it: ${mapped.join('; ')}.`,
        `Classes that a source names as part of a 中类 (not exhaustive for that 中类): ${listed.join('; ')}. Source: emocco.com/content_article_6543.html — 智能设备制造 “涵盖各种类型机器人制造、可穿戴智能设备制造、智能无人飞行器制造等” (GB/T 4754 robot classes 3491 工业机器人制造, 3492 特殊作业机器人制造, 3964 服务消费机器人制造; 3961; 3963), and 其他数字要素驱动业 includes “安全系统监控服务” (= class 7272; the page quotes its GB/T 4754 definition). Not listed although named there: 0405 信息基础设施建设 and 0407 数字技术研究和试验发展, which are not GB/T 4754 classes.`,
        'All other 中类 have an empty list; 大类 rows carry no codes.',
        'partial: true marks 05 and its 中类: the standard maps them to whole GB/T 4754 industries only in part (* in the standard). For 01–04 partial is false; any * the standard puts on individual classes there could not be checked without the 小类 table.',
        'nameEn is our translation.',
      ],
    },
    'categories',
    digital,
  );

  console.log('industries.json', industryCounts, `synthesized groups ${synthesizedGroups}`);
  console.log('digital-economy.json', countByLevel(digital), mapped, listed);
}

main();
