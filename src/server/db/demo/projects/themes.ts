// What generated projects are about: a GB/T 4754-2017 class, a category and a bilingual title.
import type { CategoryCode } from '../model.ts';

export interface Theme {
  industry: string;
  category: CategoryCode;
  zh: string;
  en: string;
  /** True for factories and plants, which report an expected annual output. */
  isManufacturing: boolean;
}

type Row = [industry: string, zh: string, en: string, isManufacturing?: boolean];

function themes(category: CategoryCode, rows: Row[]): Theme[] {
  return rows.map(([industry, zh, en, isManufacturing]) => ({
    industry,
    category,
    zh,
    en,
    isManufacturing: isManufacturing ?? false,
  }));
}

// biome-ignore format: a table reads best one row per line
export const DIGITAL_INDUSTRY: Theme[] = themes('digital_industry', [
  ['3973', '12英寸特色工艺晶圆制造', 'Specialty 12-inch Wafer Fab', true],
  ['3973', '功率半导体封装测试基地', 'Power Semiconductor Packaging and Test Base', true],
  ['6520', '集成电路设计中心', 'IC Design Centre'],
  ['3974', '新型显示模组生产线', 'Display Module Production Line', true],
  ['3974', 'Mini/Micro LED显示产业园', 'Mini/Micro LED Display Park', true],
  ['3976', '光电子器件生产基地', 'Optoelectronic Device Production Base', true],
  ['3985', '电子专用材料', 'Electronic Materials', true],
  ['3983', '智能传感器产业园', 'Smart Sensor Industrial Park', true],
  ['3921', '5G通信设备生产基地', '5G Communication Equipment Base', true],
  ['3922', '智能终端制造基地', 'Smart Terminal Manufacturing Base', true],
  ['3911', '信创服务器生产线', 'Domestic Server Production Line', true],
  ['3962', '智能网联汽车电子产业园', 'Connected Vehicle Electronics Park', true],
  ['3964', '服务机器人研发生产基地', 'Service Robot R&D and Production Base', true],
  ['3491', '工业机器人产业化', 'Industrial Robot Industrialization', true],
  ['3841', '锂电池储能系统生产基地', 'Lithium Battery Energy Storage Base', true],
  ['3915', '信息安全设备生产基地', 'Information Security Appliance Base', true],
  ['6513', '行业应用软件研发中心', 'Industry Software R&D Centre'],
  ['6511', '基础软件适配验证中心', 'Base Software Adaptation Centre'],
  ['6531', '数字政府系统集成服务基地', 'Digital Government Integration Base'],
  ['6532', '物联网平台及应用', 'IoT Platform and Applications'],
  ['6450', '大数据运营中心', 'Big Data Operation Centre'],
  ['6572', '数字动漫游戏研发基地', 'Digital Animation and Games Base'],
  ['6579', '数字内容产业园', 'Digital Content Industrial Park'],
  ['6422', '网络游戏研发运营中心', 'Online Games Studio'],
  ['6513', '人工智能算法研发中心', 'AI Algorithm R&D Centre'],
  ['6560', '数字化转型咨询服务中心', 'Digital Transformation Consulting Centre'],
  ['6440', '网络安全产业基地', 'Cybersecurity Industrial Base'],
  ['6432', '跨境电商数字服务平台', 'Cross-border E-commerce Service Platform'],
]);

// biome-ignore format: a table reads best one row per line
export const DIGITAL_TRANSFORMATION: Theme[] = themes('digital_transformation', [
  ['1751', '化纤织造智能工厂', 'Smart Synthetic Fibre Weaving Plant', true],
  ['3011', '水泥生产线数字化改造', 'Cement Line Digital Upgrade', true],
  ['1411', '食品智能工厂', 'Smart Food Factory', true],
  ['3670', '汽车零部件数字化车间', 'Digital Auto Parts Workshop', true],
  ['3484', '机械零部件智能制造基地', 'Smart Machinery Parts Base', true],
  ['3074', '陶瓷智能制造示范工厂', 'Smart Ceramics Demonstration Factory', true],
  ['1951', '运动鞋服智能制造基地', 'Smart Sportswear and Footwear Base', true],
  ['7224', '智慧供应链管理平台', 'Smart Supply Chain Platform'],
]);

// biome-ignore format: a table reads best one row per line
export const NEW_INFRASTRUCTURE: Theme[] = themes('new_infrastructure', [
  ['6312', '5G网络建设工程', '5G Network Build-out'],
  ['6550', '智算中心', 'Intelligent Computing Centre'],
  ['6550', '云计算数据中心', 'Cloud Data Centre'],
  ['4420', '智能电网改造工程', 'Smart Grid Upgrade'],
  ['6319', '千兆光网城市建设工程', 'Gigabit Fibre City'],
  ['4420', '新能源汽车充换电网络', 'EV Charging and Battery Swap Network'],
]);

// biome-ignore format: a table reads best one row per line
export const REGIONAL_HQ: Theme[] = themes('regional_hq', [
  ['7211', '东南区域总部', 'Southeast Regional Headquarters'],
  ['7211', '数字经济区域总部', 'Regional Digital Economy Headquarters'],
]);

/** Projects outside the digital economy that a city's ordinary pipeline carries (Quanzhou's 380, say). */
// biome-ignore format: a table reads best one row per line
export const OTHER: Theme[] = themes('other', [
  ['2614', '化工新材料', 'Chemical New Materials', true],
  ['2761', '生物医药产业园', 'Biopharmaceutical Park', true],
  ['3032', '石材精深加工', 'Stone Deep Processing', true],
  ['1499', '休闲食品产业园', 'Snack Food Industrial Park', true],
  ['4416', '分布式光伏发电', 'Distributed Solar Power'],
  ['2770', '卫生用品生产基地', 'Hygiene Products Base', true],
  ['3612', '新能源汽车零部件', 'New Energy Vehicle Components', true],
  ['1811', '运动服装生产基地', 'Sportswear Production Base', true],
  ['2110', '智能家居产业园', 'Smart Home Furnishing Park', true],
  ['7221', '产业园区开发运营', 'Industrial Park Development'],
  ['3074', '日用陶瓷生产线', 'Household Ceramics Line', true],
  ['2439', '工艺美术产业园', 'Arts and Crafts Industrial Park', true],
]);

export const DIGITAL_ECONOMY_THEMES: Theme[] = [
  ...DIGITAL_INDUSTRY,
  ...DIGITAL_TRANSFORMATION,
  ...NEW_INFRASTRUCTURE,
  ...REGIONAL_HQ,
];
export const ALL_THEMES: Theme[] = [...DIGITAL_ECONOMY_THEMES, ...OTHER];
