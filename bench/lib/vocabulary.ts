// Word parts for realistic Chinese project and organization names.

/** How a project name ends, with its weight. */
export const NAME_ENDINGS: readonly (readonly [string, string, number])[] = [
  ['项目', 'Project', 40],
  ['产业园', 'Industrial Park', 10],
  ['产业园项目', 'Industrial Park Project', 6],
  ['生产基地', 'Production Base', 10],
  ['基地', 'Base', 6],
  ['研发中心', 'R&D Centre', 5],
  ['总部基地', 'Headquarters Base', 4],
  ['智造基地', 'Smart Manufacturing Base', 4],
  ['扩产项目', 'Expansion Project', 6],
  ['技改项目', 'Upgrade Project', 5],
  ['示范项目', 'Demonstration Project', 4],
];

/** Phase marks appended to some names. */
export const PHASES: readonly (readonly [string, string])[] = [
  ['二期', 'Phase II'],
  ['三期', 'Phase III'],
  ['（一期）', '(Phase I)'],
  ['扩建', 'Extension'],
];

/** Words before the product phrase. */
export const MODIFIERS: readonly (readonly [string, string])[] = [
  ['智能', 'Smart'],
  ['高端', 'High-end'],
  ['绿色', 'Green'],
  ['数字化', 'Digital'],
  ['智慧', 'Smart'],
  ['新一代', 'Next-generation'],
];

/** Output units for 年产… names. */
export const OUTPUT_UNITS: readonly string[] = ['万吨', '万件', '万套', 'GWh', '亿片', '万台', '万平方米'];

/** Trade names (字号) of companies. */
export const BRANDS: readonly string[] = (
  '华晟 宏达 恒信 嘉联 凯航 瑞丰 鼎盛 永盛 中科 国泰 新华 博远 天宇 金辉 海峡 闽航 万川 星联 润泽 启明 ' +
  '东方 正泰 宁远 华创 信达 远景 明德 安泰 汇通 志成 腾越 福源 兴业 卓越 海纳 盛世 德润 聚能 赛维 光启 ' +
  '拓普 鑫源 瀚海 长盈 富邦 弘毅 君和 泓源 睿博 晶辉 立达 华芯 中合 华沣 招远 紫宸 厦益 宁川 钜邦 旭升'
).split(' ');

/** Business words of company names, with their English. */
export const COMPANY_WORDS: readonly (readonly [string, string])[] = [
  ['科技', 'Technology'],
  ['电子', 'Electronics'],
  ['新材料', 'New Materials'],
  ['新能源', 'New Energy'],
  ['智能科技', 'Intelligent Technology'],
  ['实业', 'Industrial'],
  ['投资', 'Investment'],
  ['控股', 'Holdings'],
  ['半导体', 'Semiconductor'],
  ['生物科技', 'Biotechnology'],
  ['物流', 'Logistics'],
  ['信息技术', 'Information Technology'],
  ['装备制造', 'Equipment Manufacturing'],
  ['发展', 'Development'],
];

export const LEGAL_FORMS: readonly (readonly [string, string, number])[] = [
  ['有限公司', 'Co., Ltd.', 60],
  ['股份有限公司', 'Co., Ltd.', 20],
  ['集团有限公司', 'Group Co., Ltd.', 15],
  ['集团股份有限公司', 'Group Co., Ltd.', 5],
];

export const FOREIGN_ORIGINS: readonly string[] = [
  '日本',
  '韩国',
  '新加坡',
  '美国',
  '德国',
  '法国',
  '英国',
  '荷兰',
  '马来西亚',
  '泰国',
];
export const HMT_ORIGINS: readonly string[] = ['香港', '澳门', '台湾'];
export const OVERSEAS_ORIGINS: readonly string[] = ['印度尼西亚', '菲律宾', '马来西亚', '新加坡', '泰国'];

export const DROPPED_REASONS: readonly string[] = [
  '投资方资金链紧张，暂停投资',
  '用地指标未能落实',
  '企业调整战略布局',
  '环评未通过',
  '投资方另选落地城市',
  '项目条件发生重大变化',
];
