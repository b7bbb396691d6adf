// Plausible but invented investors: Fujian and national private firms, foreign, Hong Kong/Macao/Taiwan,
// overseas-Chinese and local state-owned companies. Any likeness to a real company's name is chance.
import type { Random } from '../random.ts';
import type { NamedOrg } from './named.ts';

type Pair = readonly [zh: string, en: string];

// biome-ignore format: a table reads best one row per line
const BRANDS: Pair[] = [
  ['星澜', 'Xinglan'], ['云启', 'Yunqi'], ['数联', 'Shulian'], ['海睿', 'Hairui'], ['闽芯', 'Minxin'],
  ['智谷', 'Zhigu'], ['宸宇', 'Chenyu'], ['朗毅', 'Langyi'], ['博睿', 'Borui'], ['天擎', 'Tianqing'],
  ['凌峰', 'Lingfeng'], ['泓远', 'Hongyuan'], ['瀚海', 'Hanhai'], ['卓信', 'Zhuoxin'], ['华钰', 'Huayu'],
  ['鼎诚', 'Dingcheng'], ['睿泽', 'Ruize'], ['聚芯', 'Juxin'], ['易联', 'Yilian'], ['恒拓', 'Hengtuo'],
  ['榕智', 'Rongzhi'], ['鹭岛', 'Ludao'], ['刺桐', 'Citong'], ['清源', 'Qingyuan'], ['武夷', 'Wuyi'],
  ['九龙', 'Jiulong'], ['三坊', 'Sanfang'], ['东湖', 'Donghu'], ['启明', 'Qiming'], ['乾元', 'Qianyuan'],
  ['坤舆', 'Kunyu'], ['云帆', 'Yunfan'], ['汇智', 'Huizhi'], ['昊天', 'Haotian'], ['觅知', 'Mizhi'],
  ['灵犀', 'Lingxi'], ['新川', 'Xinchuan'], ['海峡', 'Haixia'], ['金桥', 'Jinqiao'], ['辰光', 'Chenguang'],
  ['锦程', 'Jincheng'], ['盈科', 'Yingke'], ['沐阳', 'Muyang'], ['矩阵', 'Juzhen'], ['方舟', 'Fangzhou'],
  ['光年', 'Guangnian'], ['极目', 'Jimu'], ['深蓝', 'Shenlan'], ['微澜', 'Weilan'], ['拓扑', 'Tuopu'],
  ['星河', 'Xinghe'], ['天枢', 'Tianshu'], ['璇玑', 'Xuanji'], ['北辰', 'Beichen'], ['南屿', 'Nanyu'],
  ['青禾', 'Qinghe'], ['远望', 'Yuanwang'], ['驰远', 'Chiyuan'], ['睿芯', 'Ruixin'], ['智芯', 'Zhixin'],
  ['慧眼', 'Huiyan'], ['云霁', 'Yunji'], ['海纳', 'Haina'], ['鸿博', 'Hongbo'], ['嘉禾', 'Jiahe'],
  ['信衡', 'Xinheng'], ['和创', 'Hechuang'], ['安畅', 'Anchang'], ['畅联', 'Changlian'], ['博海', 'Bohai'],
  ['望岳', 'Wangyue'], ['雅途', 'Yatu'], ['凯睿', 'Kairui'], ['锐思', 'Ruisi'], ['衡远', 'Hengyuan'],
  ['正阳', 'Zhengyang'], ['长风', 'Changfeng'], ['明睿', 'Mingrui'], ['知微', 'Zhiwei'], ['承光', 'Chengguang'],
];

// Broad fields only: a generated firm invests in many kinds of projects, and its name should not contradict them.
// biome-ignore format: a table reads best one row per line
const FIELDS: Pair[] = [
  ['科技', 'Technology'], ['信息技术', 'Information Technology'], ['智能科技', 'Intelligent Technology'], ['数字科技', 'Digital Technology'],
  ['电子科技', 'Electronic Technology'], ['网络科技', 'Network Technology'], ['实业', 'Industrial'], ['控股集团', 'Holding Group'],
];

/** Fujian cities: Chinese prefix, English name, a county for the credit code, the city bureau. */
// biome-ignore format: a table reads best one row per line
const FUJIAN: (readonly [string, string, string, string])[] = [
  ['福州', 'Fuzhou', '350102', '350100'], ['厦门', 'Xiamen', '350206', '350200'], ['泉州', 'Quanzhou', '350503', '350500'],
  ['漳州', 'Zhangzhou', '350603', '350600'], ['莆田', 'Putian', '350302', '350300'], ['三明', 'Sanming', '350403', '350400'],
  ['南平', 'Nanping', '350702', '350700'], ['龙岩', 'Longyan', '350802', '350800'], ['宁德', 'Ningde', '350902', '350900'],
];

// biome-ignore format: a table reads best one row per line
const NATIONAL: (readonly [string, string, string])[] = [
  ['北京', 'Beijing', '110108'], ['上海', 'Shanghai', '310104'], ['深圳', 'Shenzhen', '440305'], ['杭州', 'Hangzhou', '330108'],
  ['广州', 'Guangzhou', '440100'], ['南京', 'Nanjing', '320100'], ['成都', 'Chengdu', '510100'], ['武汉', 'Wuhan', '420100'],
  ['苏州', 'Suzhou', '320500'], ['合肥', 'Hefei', '340100'],
];

// biome-ignore format: a table reads best one row per line
const FOREIGN: (readonly [string, string, string, string])[] = [
  ['诺维斯', 'Norvis', '德国', 'Electronics'], ['凯斯特', 'Kestrel', '美国', 'Technology'], ['奥利安', 'Orian', '法国', 'Digital Systems'],
  ['山和精密', 'Yamawa Precision', '日本', 'Electronics'], ['海东', 'Haedong', '韩国', 'Display Technology'],
  ['维尔特', 'Welte', '德国', 'Automation'], ['布莱顿', 'Brighton', '英国', 'Data Services'], ['星桥', 'StarBridge', '新加坡', 'Data Centre'],
  ['卡普兰', 'Kaplan', '美国', 'Semiconductor'], ['北原', 'Kitahara', '日本', 'Materials'], ['瑞峰', 'Swisspeak', '瑞士', 'Instruments'],
  ['荷光', 'Holux', '荷兰', 'Photonics'],
];

// biome-ignore format: a table reads best one row per line
const HMT: (readonly [string, string, string])[] = [
  ['港晟', 'Gangsheng', '中国香港'], ['澳联', 'Aolian', '中国澳门'], ['宏昇', 'Hongsheng', '中国台湾'], ['台鑫', 'Taixin', '中国台湾'],
  ['永耀', 'Yongyao', '中国台湾'], ['港润', 'Gangrun', '中国香港'], ['华嘉', 'Huajia', '中国香港'], ['濠江', 'Haojiang', '中国澳门'],
  ['嘉晟', 'Jiasheng', '中国台湾'], ['鼎昌', 'Dingchang', '中国香港'], ['联宝', 'Lianbao', '中国台湾'], ['港航', 'Ganghang', '中国香港'],
];

// biome-ignore format: a table reads best one row per line
const OVERSEAS: (readonly [string, string, string])[] = [
  ['菲华', 'Feihua', '菲律宾'], ['侨兴', 'Qiaoxing', '印度尼西亚'], ['南洋', 'Nanyang', '马来西亚'], ['侨盛', 'Qiaosheng', '新加坡'],
  ['暹华', 'Xianhua', '泰国'], ['侨福', 'Qiaofu', '菲律宾'], ['椰城', 'Yecheng', '印度尼西亚'], ['槟华', 'Binhua', '马来西亚'],
];

const LOCAL_SOE: Pair[] = [
  ['国有资本投资运营有限公司', 'State Capital Investment and Operation Co., Ltd.'],
  ['数字产业投资集团有限公司', 'Digital Industry Investment Group Co., Ltd.'],
];

function unique(out: NamedOrg[], names: Set<string>, row: NamedOrg): void {
  if (names.has(row.zh)) return;
  names.add(row.zh);
  out.push(row);
}

/** About 200 invented organizations; `taken` holds names already used by the named ones. */
export function generatedOrgs(random: Random, taken: ReadonlySet<string>): NamedOrg[] {
  const names = new Set(taken);
  const out: NamedOrg[] = [];
  const brands = random.shuffle(BRANDS);
  let b = 0;
  const nextBrand = (): Pair => brands[b++ % brands.length] as Pair;
  for (let i = 0; i < 120; i++) {
    const [cityZh, cityEn, county, keeper] = random.weighted(
      FUJIAN.map((c, k) => [c, k < 3 ? 4 : 1] as const),
    );
    const [brandZh, brandEn] = nextBrand();
    const [fieldZh, fieldEn] = random.pick(FIELDS);
    unique(out, names, {
      zh: `${cityZh}${brandZh}${fieldZh}有限公司`,
      en: `${cityEn} ${brandEn} ${fieldEn} Co., Ltd.`,
      shortZh: brandZh,
      shortEn: brandEn,
      type: 'private',
      origin: county,
      keeper,
    });
  }
  for (let i = 0; i < 40; i++) {
    const [cityZh, cityEn, region] = random.pick(NATIONAL);
    const [brandZh, brandEn] = nextBrand();
    const [fieldZh, fieldEn] = random.pick(FIELDS);
    unique(out, names, {
      zh: `${cityZh}${brandZh}${fieldZh}股份有限公司`,
      en: `${cityEn} ${brandEn} ${fieldEn} Co., Ltd.`,
      shortZh: brandZh,
      shortEn: brandEn,
      type: 'private',
      origin: region,
      keeper: '350000',
    });
  }
  for (const [brandZh, brandEn, country, fieldEn] of FOREIGN) {
    const [cityZh, cityEn, , keeper] = random.pick(FUJIAN.slice(0, 3));
    unique(out, names, {
      zh: `${brandZh}（${cityZh}）科技有限公司`,
      en: `${brandEn} (${cityEn}) ${fieldEn} Co., Ltd.`,
      shortZh: brandZh,
      shortEn: brandEn,
      type: 'foreign',
      origin: country,
      keeper,
    });
  }
  for (const [brandZh, brandEn, territory] of HMT) {
    const [cityZh, cityEn, , keeper] = random.pick(FUJIAN.slice(0, 4));
    const [fieldZh, fieldEn] = random.pick(FIELDS);
    unique(out, names, {
      zh: `${brandZh}${fieldZh}（${cityZh}）有限公司`,
      en: `${brandEn} ${fieldEn} (${cityEn}) Co., Ltd.`,
      shortZh: brandZh,
      shortEn: brandEn,
      type: 'hmt',
      origin: territory,
      keeper,
    });
  }
  for (const [brandZh, brandEn, country] of OVERSEAS) {
    const [cityZh, cityEn, , keeper] = random.pick(
      [FUJIAN[0], FUJIAN[1], FUJIAN[2], FUJIAN[2]].filter((c) => c !== undefined),
    );
    unique(out, names, {
      zh: `${cityZh}${brandZh}实业有限公司`,
      en: `${cityEn} ${brandEn} Industrial Co., Ltd.`,
      shortZh: brandZh,
      shortEn: brandEn,
      type: 'overseas_chinese',
      origin: country,
      keeper,
    });
  }
  for (const [cityZh, cityEn, county, keeper] of FUJIAN.slice(1)) {
    const [suffixZh, suffixEn] = random.pick(LOCAL_SOE);
    unique(out, names, {
      zh: `${cityZh}市${suffixZh}`,
      en: `${cityEn} ${suffixEn}`,
      shortZh: `${cityZh}国投`,
      shortEn: `${cityEn} State Capital`,
      type: 'local_soe',
      origin: county,
      keeper,
    });
  }
  return out;
}
