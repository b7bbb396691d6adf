// Industry themes of generated projects: a GB/T 4754-2017 division, its share, and product phrases.

import type { ProjectCategory } from '../../src/server/db/reference/index.ts';

export interface IndustryTheme {
  /** 2-digit division; the project's class is one of its real 4-digit classes. */
  division: string;
  /** Relative share of projects. */
  weight: number;
  /** The project category most projects of this theme carry. */
  category: ProjectCategory;
  /** Product or business phrases, Chinese and English. */
  phrases: readonly (readonly [string, string])[];
}

export const THEMES: readonly IndustryTheme[] = [
  {
    division: '39',
    weight: 12,
    category: 'digital_industry',
    phrases: [
      ['半导体封测', 'semiconductor packaging and testing'],
      ['集成电路', 'integrated circuits'],
      ['芯片设计', 'chip design'],
      ['光电显示', 'optoelectronic display'],
      ['智能终端', 'smart terminals'],
      ['5G通信模组', '5G communication modules'],
      ['电子元器件', 'electronic components'],
      ['光伏银浆', 'photovoltaic silver paste'],
      ['第三代半导体', 'third-generation semiconductors'],
      ['Mini LED显示', 'Mini LED display'],
      ['智能传感器', 'smart sensors'],
    ],
  },
  {
    division: '38',
    weight: 9,
    category: 'other',
    phrases: [
      ['锂电池', 'lithium batteries'],
      ['新型储能', 'new energy storage'],
      ['光伏组件', 'PV modules'],
      ['动力电池', 'power batteries'],
      ['智能电网装备', 'smart grid equipment'],
      ['氢燃料电池', 'hydrogen fuel cells'],
      ['电子银浆', 'electronic silver paste'],
    ],
  },
  {
    division: '36',
    weight: 5,
    category: 'other',
    phrases: [
      ['新能源汽车', 'new energy vehicles'],
      ['汽车零部件', 'auto parts'],
      ['智能网联汽车', 'connected vehicles'],
      ['新能源汽车电机', 'NEV motors'],
    ],
  },
  {
    division: '35',
    weight: 6,
    category: 'digital_transformation',
    phrases: [
      ['智能装备', 'intelligent equipment'],
      ['工业机器人', 'industrial robots'],
      ['高端医疗器械', 'medical devices'],
      ['智能制造装备', 'smart manufacturing equipment'],
      ['环保装备', 'environmental equipment'],
    ],
  },
  {
    division: '34',
    weight: 4,
    category: 'digital_transformation',
    phrases: [
      ['精密机械', 'precision machinery'],
      ['数控机床', 'CNC machine tools'],
      ['智能物流装备', 'logistics equipment'],
    ],
  },
  {
    division: '26',
    weight: 5,
    category: 'other',
    phrases: [
      ['新材料', 'new materials'],
      ['电子化学品', 'electronic chemicals'],
      ['高性能树脂新材料', 'high-performance resins'],
      ['石化新材料', 'petrochemical new materials'],
      ['锂电新材料', 'battery materials'],
    ],
  },
  {
    division: '27',
    weight: 3,
    category: 'other',
    phrases: [
      ['生物医药', 'biopharmaceuticals'],
      ['创新药', 'innovative drugs'],
      ['中药现代化', 'modern Chinese medicine'],
    ],
  },
  {
    division: '30',
    weight: 3,
    category: 'other',
    phrases: [
      ['陶瓷新材料', 'ceramic materials'],
      ['光伏玻璃', 'PV glass'],
      ['绿色建材', 'green building materials'],
    ],
  },
  {
    division: '32',
    weight: 2,
    category: 'other',
    phrases: [
      ['铜箔新材料', 'copper foil'],
      ['稀土功能材料', 'rare-earth materials'],
      ['铝合金新材料', 'aluminium alloys'],
    ],
  },
  {
    division: '17',
    weight: 3,
    category: 'other',
    phrases: [
      ['纺织新材料', 'textile materials'],
      ['功能性面料', 'functional fabrics'],
      ['智能纺织', 'smart textiles'],
    ],
  },
  {
    division: '19',
    weight: 2,
    category: 'other',
    phrases: [
      ['运动鞋服', 'sports footwear'],
      ['鞋业智能制造', 'footwear manufacturing'],
    ],
  },
  {
    division: '13',
    weight: 2,
    category: 'other',
    phrases: [
      ['农产品精深加工', 'agri-food processing'],
      ['水产品加工', 'seafood processing'],
    ],
  },
  {
    division: '14',
    weight: 2,
    category: 'other',
    phrases: [
      ['食品加工', 'food processing'],
      ['预制菜', 'prepared meals'],
    ],
  },
  {
    division: '15',
    weight: 1,
    category: 'other',
    phrases: [
      ['茶产业', 'tea industry'],
      ['精制茶加工', 'tea processing'],
    ],
  },
  {
    division: '21',
    weight: 1,
    category: 'other',
    phrases: [
      ['智能家居', 'smart home'],
      ['定制家具', 'custom furniture'],
    ],
  },
  {
    division: '44',
    weight: 4,
    category: 'new_infrastructure',
    phrases: [
      ['海上风电', 'offshore wind'],
      ['光伏发电', 'solar power'],
      ['分布式光伏', 'distributed solar'],
      ['抽水蓄能电站', 'pumped storage'],
      ['综合能源', 'integrated energy'],
    ],
  },
  {
    division: '63',
    weight: 3,
    category: 'new_infrastructure',
    phrases: [
      ['5G基站', '5G base stations'],
      ['算力中心', 'computing centre'],
      ['数据中心', 'data centre'],
    ],
  },
  {
    division: '64',
    weight: 3,
    category: 'digital_industry',
    phrases: [
      ['工业互联网', 'industrial internet'],
      ['跨境电商', 'cross-border e-commerce'],
      ['直播电商', 'live-stream commerce'],
    ],
  },
  {
    division: '65',
    weight: 6,
    category: 'digital_industry',
    phrases: [
      ['软件开发', 'software development'],
      ['人工智能', 'artificial intelligence'],
      ['大数据', 'big data'],
      ['智慧城市', 'smart city'],
      ['数字孪生', 'digital twin'],
      ['信创产业', 'IT innovation'],
      ['智能算法', 'AI algorithms'],
    ],
  },
  {
    division: '59',
    weight: 3,
    category: 'new_infrastructure',
    phrases: [
      ['智慧物流', 'smart logistics'],
      ['冷链物流', 'cold-chain logistics'],
      ['智能仓储', 'smart warehousing'],
    ],
  },
  {
    division: '55',
    weight: 1,
    category: 'new_infrastructure',
    phrases: [
      ['港口航运', 'port shipping'],
      ['集装箱码头', 'container terminal'],
    ],
  },
  {
    division: '72',
    weight: 4,
    category: 'regional_hq',
    phrases: [
      ['区域总部', 'regional headquarters'],
      ['企业总部', 'corporate headquarters'],
      ['供应链管理', 'supply chain management'],
    ],
  },
  {
    division: '73',
    weight: 3,
    category: 'digital_transformation',
    phrases: [
      ['研发中心', 'R&D centre'],
      ['新型研发机构', 'research institute'],
      ['中试基地', 'pilot-scale plant'],
    ],
  },
  {
    division: '70',
    weight: 3,
    category: 'other',
    phrases: [
      ['城市综合体', 'urban complex'],
      ['产业社区', 'industrial community'],
    ],
  },
  {
    division: '61',
    weight: 1,
    category: 'other',
    phrases: [
      ['文旅酒店', 'cultural tourism hotel'],
      ['度假酒店', 'resort hotel'],
    ],
  },
  {
    division: '88',
    weight: 2,
    category: 'other',
    phrases: [
      ['文化创意', 'cultural and creative'],
      ['数字文创', 'digital culture'],
    ],
  },
  {
    division: '90',
    weight: 1,
    category: 'other',
    phrases: [
      ['文旅综合体', 'tourism complex'],
      ['主题乐园', 'theme park'],
    ],
  },
  {
    division: '84',
    weight: 1,
    category: 'other',
    phrases: [
      ['医疗康养', 'healthcare'],
      ['智慧医院', 'smart hospital'],
    ],
  },
  {
    division: '77',
    weight: 2,
    category: 'new_infrastructure',
    phrases: [
      ['生态修复', 'ecological restoration'],
      ['固废资源化', 'solid waste recycling'],
    ],
  },
  {
    division: '01',
    weight: 2,
    category: 'other',
    phrases: [
      ['现代农业', 'modern agriculture'],
      ['智慧农业', 'smart agriculture'],
    ],
  },
  {
    division: '04',
    weight: 1,
    category: 'other',
    phrases: [
      ['深远海养殖', 'deep-sea aquaculture'],
      ['海洋渔业', 'marine fisheries'],
    ],
  },
];
