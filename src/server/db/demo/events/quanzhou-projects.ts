// seeds/002: the Quanzhou projects the article names, and where each county's branch venue signs.
import type { CategoryCode, InvestorRole } from '../model.ts';

export interface NamedQuanzhouProject {
  zh: string;
  en: string;
  site: string;
  investors: [name: string, role: InvestorRole][];
  industry: string;
  category: CategoryCode;
  /** 亿元 */
  yi: number;
  outputYi?: number;
  descriptionZh: string;
  descriptionEn: string;
}

/** Signed at the main venue; the first six are the article's "6 over 5 billion", 百宏 the largest. */
// biome-ignore format: a table reads best one row per line
export const MAIN_VENUE_NAMED: NamedQuanzhouProject[] = [
  {
    zh: '百宏化工新材料项目', en: 'Baihong Chemical New Materials Project', site: '350505001',
    investors: [['福建百宏聚纤科技实业有限公司', 'lead_investor']], industry: '2614', category: 'other', yi: 138,
    descriptionZh: '选址泉港石化园区，发挥当地资源集聚优势，打造石化产业链中下游高端项目，推动石化产业延链强链。',
    descriptionEn: 'In the Quangang petrochemical park: high-end downstream petrochemical products that extend and strengthen the chain.',
  },
  {
    zh: '腾云硬科技半导体产业园项目', en: 'Tengyun Hard Tech Semiconductor Industrial Park Project', site: '350583001',
    investors: [['腾云硬科技（福建）有限公司', 'lead_investor']], industry: '3973', category: 'digital_industry', yi: 85,
    descriptionZh: '选址南安芯谷，建设半导体智能制造、生物医药产业园，搭建集“材料设备、关键芯片、核心器件、终端运用”为一体的全链条产业平台。',
    descriptionEn: "In Nan'an Chip Valley: semiconductor manufacturing and biomedicine parks, a full-chain platform from materials and equipment to chips, devices and end uses.",
  },
  {
    zh: '泉州智创科技城项目', en: 'Quanzhou Zhichuang Science City Project', site: '350503001',
    investors: [['泉州智创科技城开发有限公司', 'lead_investor'], ['泉州市城市建设投资集团有限公司', 'co_investor']], industry: '7221', category: 'other', yi: 72,
    descriptionZh: '建设科技研发、孵化转化与产业配套一体的科技城。',
    descriptionEn: 'A science city combining R&D, incubation and industrial services.',
  },
  {
    zh: '晋江恒安新型生活用品智能化生产基地(二期)项目', en: 'Hengan Jinjiang Smart Household Products Base (Phase II) Project', site: '350582001',
    investors: [['恒安（中国）纸业有限公司', 'lead_investor']], industry: '2239', category: 'digital_transformation', yi: 62,
    descriptionZh: '以“端到端”信息化为基础，延伸产业链上下游，建设集上游原材料、智能生产、智慧仓储、智能分拣仓及其他配套为一体的现代化卫生用品产业园。',
    descriptionEn: 'End-to-end digitalized hygiene products park: raw materials, smart production, smart warehousing and sorting.',
  },
  {
    zh: '汉氏联合干细胞产业转化基地项目', en: 'H&B United Stem Cell Industrialization Base Project', site: '350503',
    investors: [['汉氏联合集团有限公司', 'lead_investor'], ['泉州市金融控股集团有限公司', 'co_investor'], ['泉州市丰泽区人民政府', 'government_party']],
    industry: '2761', category: 'other', yi: 55,
    descriptionZh: '丰泽区与金控集团、汉氏联合集体合作，打造集干细胞新药研发、生产及销售于一体的产业基地。',
    descriptionEn: 'Fengze District, Quanzhou Financial Holding and H&B United: stem-cell drug R&D, production and sales.',
  },
  {
    zh: '安溪海佳智能显示产业园项目', en: 'Anxi Haijia Smart Display Industrial Park Project', site: '350524',
    investors: [['海佳集团有限公司', 'lead_investor']], industry: '3974', category: 'digital_industry', yi: 52, outputYi: 80,
    descriptionZh: '建设LED显示屏模组产品生产基地，为海佳集团扩产增资项目，建成投产后预计年产值80亿元以上。',
    descriptionEn: 'LED display module base, an expansion by Haijia Group; expected annual output over RMB 8 billion.',
  },
  {
    zh: '千吨级低温银浆项目', en: 'Kiloton Low-temperature Silver Paste Project', site: '350502',
    investors: [['福建鑫银电子材料有限公司', 'lead_investor']], industry: '3985', category: 'digital_industry', yi: 20,
    descriptionZh: '聚焦光伏产业中的重要材料低温银浆，研发、生产太阳能电池用低温银浆浆料及其他电子材料，用以替代进口。',
    descriptionEn: 'Low-temperature silver paste for solar cells and other electronic materials, replacing imports.',
  },
  {
    zh: '泉州美岭水泥日产4500吨新型干法水泥熟料生产线及配套12兆瓦余热发电系统升级改造项目',
    en: 'Meiling Cement 4,500 t/d Clinker Line and 12 MW Waste-heat Power Upgrade Project', site: '350521',
    investors: [['泉州美岭水泥有限公司', 'lead_investor']], industry: '3011', category: 'other', yi: 18,
    descriptionZh: '通过产能置换，对原生产线进行提档升级，进一步提高生产效率、降低劳动强度。',
    descriptionEn: 'Capacity replacement upgrading the existing line for higher efficiency and less manual work.',
  },
  {
    zh: '储能应急保障电源中心项目', en: 'Energy Storage Emergency Power Centre Project', site: '350521001',
    investors: [['泉州闽电储能科技有限公司', 'lead_investor']], industry: '4419', category: 'new_infrastructure', yi: 30,
    descriptionZh: '以“平时调峰、急时保电”“即插即用、移动共享”的模式，实现灾害应急、应急供电、后备电源、新能源共享储能等功能。',
    descriptionEn: 'Peak shaving in normal times, emergency power in disasters; plug-and-play, mobile shared storage.',
  },
  {
    zh: '福建技师学院石狮校区项目', en: 'Fujian Technician College Shishi Campus Project', site: '350581',
    investors: [['石狮市人民政府', 'government_party'], ['福建技师学院', 'partner']], industry: '8336', category: 'other', yi: 15,
    descriptionZh: '建设福建技师学院石狮校区。', descriptionEn: 'A new Shishi campus for Fujian Technician College.',
  },
  {
    zh: '惠安县雕艺循环经济产业园项目', en: "Hui'an Carving Art Circular Economy Park Project", site: '350521',
    investors: [['惠安县雕艺产业投资有限公司', 'lead_investor']], industry: '2431', category: 'other', yi: 12,
    descriptionZh: '建设雕艺产业循环经济园区。', descriptionEn: 'A circular-economy park for the stone and wood carving trade.',
  },
  {
    zh: '首创·德化·“中国白”京闽联动项目', en: 'Capital Group · Dehua · "China White" Beijing–Fujian Project', site: '350526',
    investors: [['北京首都创业集团有限公司', 'lead_investor']], industry: '3075', category: 'other', yi: 25,
    descriptionZh: '首创集团与德化县联动，发展“中国白”陶瓷产业。', descriptionEn: 'Beijing Capital Group and Dehua develop the "China White" porcelain industry.',
  },
  {
    zh: '零趣休闲食品产业园项目', en: 'Lingqu Snack Food Industrial Park Project', site: '350503001',
    investors: [['上海零趣食品有限公司', 'lead_investor']], industry: '1499', category: 'other', yi: 10,
    descriptionZh: '通过“云洽谈”引进的休闲食品生产基地。', descriptionEn: 'A snack food base brought in through cloud negotiation.',
  },
];

export interface BranchVenue {
  nameZh: string;
  nameEn: string;
  regionCode: string;
  /** Landing sites the venue signs for. */
  sites: string[];
  /** The local government that signs. */
  government: string;
  weight: number;
}

// biome-ignore format: a table reads best one row per line
export const BRANCH_VENUES: BranchVenue[] = [
  { nameZh: '鲤城区', nameEn: 'Licheng', regionCode: '350502', sites: ['350502'], government: '泉州市鲤城区人民政府', weight: 15 },
  { nameZh: '丰泽区', nameEn: 'Fengze', regionCode: '350503', sites: ['350503'], government: '泉州市丰泽区人民政府', weight: 20 },
  { nameZh: '洛江区', nameEn: 'Luojiang', regionCode: '350504', sites: ['350504'], government: '泉州市洛江区人民政府', weight: 20 },
  { nameZh: '泉港区', nameEn: 'Quangang', regionCode: '350505', sites: ['350505', '350505001'], government: '泉州市泉港区人民政府', weight: 25 },
  { nameZh: '惠安县', nameEn: "Hui'an", regionCode: '350521', sites: ['350521'], government: '惠安县人民政府', weight: 25 },
  { nameZh: '安溪县', nameEn: 'Anxi', regionCode: '350524', sites: ['350524'], government: '安溪县人民政府', weight: 25 },
  { nameZh: '永春县', nameEn: 'Yongchun', regionCode: '350525', sites: ['350525'], government: '永春县人民政府', weight: 15 },
  { nameZh: '德化县', nameEn: 'Dehua', regionCode: '350526', sites: ['350526'], government: '德化县人民政府', weight: 20 },
  { nameZh: '石狮市', nameEn: 'Shishi', regionCode: '350581', sites: ['350581'], government: '石狮市人民政府', weight: 25 },
  { nameZh: '晋江市', nameEn: 'Jinjiang', regionCode: '350582', sites: ['350582', '350582001'], government: '晋江市人民政府', weight: 50 },
  { nameZh: '南安市', nameEn: "Nan'an", regionCode: '350583', sites: ['350583', '350583001'], government: '南安市人民政府', weight: 40 },
  { nameZh: '泉州台商投资区', nameEn: 'Taiwanese Investment Zone', regionCode: '350521001', sites: ['350521001'], government: '泉州台商投资区管理委员会', weight: 25 },
  { nameZh: '泉州经济技术开发区', nameEn: 'Quanzhou ETDZ', regionCode: '350503001', sites: ['350503001'], government: '泉州经济技术开发区管理委员会', weight: 20 },
];

/** The local government that signs for a landing site: a park's committee, else its county. */
export function governmentFor(site: string): string {
  const venue =
    BRANCH_VENUES.find((v) => v.sites.includes(site)) ??
    BRANCH_VENUES.find((v) => v.regionCode === site.slice(0, 6));
  if (!venue) throw new Error(`demo: no Quanzhou government for site ${site}`);
  return venue.government;
}
