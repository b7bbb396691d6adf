// Organizations named in the seed articles (seeds/000–004), with their types. Credit codes are made up.
import type { OrganizationType } from '../../schema/organizations.ts';
import type { Registrar } from '../credit-codes.ts';

export interface NamedOrg {
  zh: string;
  en: string;
  shortZh: string;
  shortEn: string;
  type: OrganizationType;
  /** Home: a region code inside China or a country/territory name. */
  origin: string;
  /** The bureau that keeps the record. */
  keeper: string;
  registrar?: Registrar;
}

function o(
  zh: string,
  en: string,
  shortZh: string,
  shortEn: string,
  type: OrganizationType,
  origin: string,
  keeper: string,
  registrar?: Registrar,
): NamedOrg {
  return registrar
    ? { zh, en, shortZh, shortEn, type, origin, keeper, registrar }
    : { zh, en, shortZh, shortEn, type, origin, keeper };
}

/** 000: the Fuzhou digital products expo signing ceremony (2022-07-24), both sides of all 28 agreements. */
// biome-ignore format: a table reads best one row per line
export const FUZHOU_EXPO_ORGS: NamedOrg[] = [
  o('福州市振兴乡村集团有限公司', 'Fuzhou Rural Revitalization Group Co., Ltd.', '振兴乡村', 'Rural Revitalization', 'local_soe', '350102', '350100'),
  o('宽腾（北京）医疗器械有限公司', 'Kuanteng (Beijing) Medical Devices Co., Ltd.', '宽腾医疗', 'Kuanteng Medical', 'private', '110108', '350100'),
  o('福建汉特云智能科技有限公司', 'Fujian Hantecloud Intelligent Technology Co., Ltd.', '汉特云', 'Hantecloud', 'private', '350104', '350100'),
  o('北京洛必德科技有限公司', 'Beijing Luobide Technology Co., Ltd.', '洛必德', 'Luobide', 'private', '110108', '350100'),
  o('厦门光莆电子股份有限公司', 'Xiamen Guangpu Electronics Co., Ltd.', '光莆', 'Guangpu', 'private', '350206', '350100'),
  o('北京布科思科技有限公司', 'Beijing Bukesi Technology Co., Ltd.', '布科思', 'Bukesi', 'private', '110108', '350100'),
  o('创泽智能机器人集团股份有限公司', 'Chuangze Intelligent Robot Group Co., Ltd.', '创泽', 'Chuangze', 'private', '371102', '350100'),
  o('福建平潭瑞谦智能科技有限公司', 'Fujian Pingtan Ruiqian Intelligent Technology Co., Ltd.', '瑞谦', 'Ruiqian', 'private', '350128', '350100'),
  o('福州物联网开放实验室有限公司', 'Fuzhou IoT Open Lab Co., Ltd.', '物联网开放实验室', 'IoT Open Lab', 'local_soe', '350121', '350100'),
  o('山西共致科技有限公司', 'Shanxi Gongzhi Technology Co., Ltd.', '共致', 'Gongzhi', 'private', '140105', '350100'),
  o('厦门畅享信息技术有限公司', 'Xiamen Changxiang Information Technology Co., Ltd.', '畅享', 'Changxiang', 'private', '350203', '350100'),
  o('北京中科闻歌科技股份有限公司', 'Beijing Zhongke Wenge Technology Co., Ltd.', '中科闻歌', 'Wenge', 'private', '110108', '350100'),
  o('北京汉捷科技有限公司', 'Beijing Hanjie Technology Co., Ltd.', '汉捷', 'Hanjie', 'private', '110105', '350100'),
  o('杭州万为科技有限责任公司', 'Hangzhou Wanwei Technology Co., Ltd.', '万为', 'Wanwei', 'private', '330106', '350100'),
  o('中麾（福建）科技有限公司', 'Zhonghui (Fujian) Technology Co., Ltd.', '中麾', 'Zhonghui', 'private', '350102', '350100'),
  o('福建行元维度科技有限公司', 'Fujian Xingyuan Weidu Technology Co., Ltd.', '行元维度', 'Xingyuan Weidu', 'private', '350102', '350100'),
  o('福建超元气科技有限公司', 'Fujian Chaoyuanqi Technology Co., Ltd.', '超元气', 'Chaoyuanqi', 'private', '350104', '350100'),
  o('宁德华海文化传媒有限公司', 'Ningde Huahai Culture Media Co., Ltd.', '华海文化', 'Huahai Culture', 'private', '350902', '350100'),
  o('泉州市鑫昕信息技术有限公司', 'Quanzhou Xinxin Information Technology Co., Ltd.', '鑫昕', 'Xinxin', 'private', '350503', '350100'),
  o('浙江元焱科技有限公司', 'Zhejiang Yuanyan Technology Co., Ltd.', '元焱', 'Yuanyan', 'private', '330106', '350100'),
  o('河北中益网络科技有限公司', 'Hebei Zhongyi Network Technology Co., Ltd.', '中益网络', 'Zhongyi Network', 'private', '130104', '350100'),
  o('石家庄中摩文化传媒有限公司', 'Shijiazhuang Zhongmo Culture Media Co., Ltd.', '中摩文化', 'Zhongmo Culture', 'private', '130102', '350100'),
  o('湖南好创作科技有限公司', 'Hunan Haochuangzuo Technology Co., Ltd.', '好创作', 'Haochuangzuo', 'private', '430104', '350100'),
  o('福建省瀚麟海洋产业有限公司', 'Fujian Hanlin Marine Industry Co., Ltd.', '瀚麟海洋', 'Hanlin Marine', 'private', '350102', '350100'),
  o('福建水产研究所', 'Fujian Fisheries Research Institute', '水产研究所', 'Fisheries Research Institute', 'institution', '350203', '350100'),
  o('福建工程学院', 'Fujian University of Technology', '福建工程学院', 'Fujian University of Technology', 'institution', '350121', '350100'),
  o('厦门大学信息学院', 'School of Informatics, Xiamen University', '厦大信息学院', 'XMU School of Informatics', 'institution', '350203', '350100'),
  o('福建互宽集团有限公司', 'Fujian Hukuan Group Co., Ltd.', '互宽', 'Hukuan', 'private', '350102', '350100'),
  o('云南闽蓝科技有限责任公司', 'Yunnan Minlan Technology Co., Ltd.', '闽蓝科技', 'Minlan Technology', 'private', '530102', '350100'),
  o('福州海康威视数字技术有限公司', 'Fuzhou Hikvision Digital Technology Co., Ltd.', '海康威视', 'Hikvision', 'central_soe', '350105', '350100'),
  o('四创科技有限公司', 'Sichuang Technology Co., Ltd.', '四创', 'Sichuang', 'private', '350102', '350100'),
  o('福州精弘科技有限公司', 'Fuzhou Jinghong Technology Co., Ltd.', '精弘', 'Jinghong', 'private', '350104', '350100'),
  o('亿铭轩（福建）科技有限公司', 'Yimingxuan (Fujian) Technology Co., Ltd.', '亿铭轩', 'Yimingxuan', 'private', '350103', '350100'),
  o('厦门金龙联合汽车工业有限公司', 'Xiamen King Long United Automotive Industry Co., Ltd.', '金龙汽车', 'King Long', 'local_soe', '350211', '350100'),
  o('北京凌云智能科技有限公司', 'Beijing Lingyun Intelligent Technology Co., Ltd.', '凌云智能', 'Lingyun', 'private', '110108', '350100'),
  o('福州市人民政府', "Fuzhou Municipal People's Government", '福州市政府', 'Fuzhou Government', 'government', '350100', '350100'),
  o('福州市商务局', 'Fuzhou Municipal Bureau of Commerce', '福州市商务局', 'Fuzhou Commerce Bureau', 'government', '350100', '350100'),
  o('福州市人民政府国有资产监督管理委员会', 'State-owned Assets Supervision and Administration Commission of Fuzhou', '福州市国资委', 'Fuzhou SASAC', 'government', '350100', '350100'),
  o('福州市工业和信息化局', 'Fuzhou Municipal Bureau of Industry and Information Technology', '福州市工信局', 'Fuzhou MIIT Bureau', 'government', '350100', '350100'),
];

/** 001 and 004: the bodies that hold the Digital China Summit and the 2024 Fujian conference. */
// biome-ignore format: a table reads best one row per line
export const SUMMIT_ORGS: NamedOrg[] = [
  o('国家互联网信息办公室', 'Cyberspace Administration of China', '国家网信办', 'CAC', 'government', '110000', '350000'),
  o('国家发展和改革委员会', 'National Development and Reform Commission', '国家发展改革委', 'NDRC', 'government', '110000', '350000'),
  o('科学技术部', 'Ministry of Science and Technology', '科技部', 'MOST', 'government', '110000', '350000'),
  o('工业和信息化部', 'Ministry of Industry and Information Technology', '工业和信息化部', 'MIIT', 'government', '110000', '350000'),
  o('国务院国有资产监督管理委员会', 'State-owned Assets Supervision and Administration Commission of the State Council', '国务院国资委', 'SASAC', 'government', '110000', '350000'),
  o('国家数据局', 'National Data Administration', '国家数据局', 'NDA', 'government', '110000', '350000'),
  o('福建省人民政府', "Fujian Provincial People's Government", '福建省政府', 'Fujian Government', 'government', '350000', '350000'),
  o('数字中国建设峰会组委会', 'Organizing Committee of the Digital China Summit', '峰会组委会', 'Summit Organizing Committee', 'government', '350000', '350000'),
  o('福建省发展和改革委员会', 'Development and Reform Commission of Fujian Province', '福建省发改委', 'Fujian DRC', 'government', '350000', '350000'),
  o('福建省数据管理局', 'Fujian Provincial Data Management Bureau', '福建省数据管理局', 'Fujian Data Bureau', 'government', '350000', '350000'),
  o('中国电信集团有限公司', 'China Telecommunications Corporation', '中国电信', 'China Telecom', 'central_soe', '110102', '350000'),
  o('中国航空工业集团有限公司', 'Aviation Industry Corporation of China, Ltd.', '中国航空工业', 'AVIC', 'central_soe', '110105', '350000'),
  o('中国机械科学研究总院集团有限公司', 'China Academy of Machinery Science & Technology Group Co., Ltd.', '中国机械总院', 'CAM', 'central_soe', '110108', '350000'),
  o('北京百度网讯科技有限公司', 'Beijing Baidu Netcom Science and Technology Co., Ltd.', '百度', 'Baidu', 'private', '110108', '350000'),
  o('上海商汤智能科技有限公司', 'Shanghai SenseTime Intelligent Technology Co., Ltd.', '商汤', 'SenseTime', 'private', '310104', '350000'),
  o('浙江大华技术股份有限公司', 'Zhejiang Dahua Technology Co., Ltd.', '大华', 'Dahua', 'private', '330108', '350000'),
  o('软通动力信息技术（集团）股份有限公司', 'iSoftStone Information Technology (Group) Co., Ltd.', '软通动力', 'iSoftStone', 'private', '110108', '350000'),
];

/** 002: Quanzhou's 2022 cloud signing: investors named in the article and the local governments that sign. */
// biome-ignore format: a table reads best one row per line
export const QUANZHOU_ORGS: NamedOrg[] = [
  o('泉州市人民政府', "Quanzhou Municipal People's Government", '泉州市政府', 'Quanzhou Government', 'government', '350500', '350500'),
  o('泉州市招商办公室', 'Quanzhou Investment Promotion Office', '泉州市招商办', 'Quanzhou Investment Office', 'government', '350500', '350500'),
  o('泉州市鲤城区人民政府', "Licheng District People's Government, Quanzhou", '鲤城区政府', 'Licheng Government', 'government', '350502', '350500'),
  o('泉州市丰泽区人民政府', "Fengze District People's Government, Quanzhou", '丰泽区政府', 'Fengze Government', 'government', '350503', '350500'),
  o('泉州市洛江区人民政府', "Luojiang District People's Government, Quanzhou", '洛江区政府', 'Luojiang Government', 'government', '350504', '350500'),
  o('泉州市泉港区人民政府', "Quangang District People's Government, Quanzhou", '泉港区政府', 'Quangang Government', 'government', '350505', '350500'),
  o('惠安县人民政府', "Hui'an County People's Government", '惠安县政府', "Hui'an Government", 'government', '350521', '350500'),
  o('安溪县人民政府', "Anxi County People's Government", '安溪县政府', 'Anxi Government', 'government', '350524', '350500'),
  o('永春县人民政府', "Yongchun County People's Government", '永春县政府', 'Yongchun Government', 'government', '350525', '350500'),
  o('德化县人民政府', "Dehua County People's Government", '德化县政府', 'Dehua Government', 'government', '350526', '350500'),
  o('石狮市人民政府', "Shishi Municipal People's Government", '石狮市政府', 'Shishi Government', 'government', '350581', '350500'),
  o('晋江市人民政府', "Jinjiang Municipal People's Government", '晋江市政府', 'Jinjiang Government', 'government', '350582', '350500'),
  o('南安市人民政府', "Nan'an Municipal People's Government", '南安市政府', "Nan'an Government", 'government', '350583', '350500'),
  o('泉州台商投资区管理委员会', 'Administrative Committee of Quanzhou Taiwanese Investment Zone', '台商投资区管委会', 'Taiwanese Investment Zone Committee', 'government', '350521', '350500'),
  o('泉州经济技术开发区管理委员会', 'Administrative Committee of Quanzhou Economic and Technological Development Zone', '泉州开发区管委会', 'Quanzhou ETDZ Committee', 'government', '350503', '350500'),
  o('福建百宏聚纤科技实业有限公司', 'Fujian Baihong Polymer Fibre Technology Co., Ltd.', '百宏', 'Baihong', 'private', '350582', '350500'),
  o('恒安（中国）纸业有限公司', 'Hengan (China) Paper Co., Ltd.', '恒安', 'Hengan', 'hmt', '中国香港', '350500'),
  o('海佳集团有限公司', 'Haijia Group Co., Ltd.', '海佳', 'Haijia', 'private', '350524', '350500'),
  o('汉氏联合集团有限公司', 'Health & Biotech United Group Co., Ltd.', '汉氏联合', 'H&B United', 'private', '120116', '350500'),
  o('泉州市金融控股集团有限公司', 'Quanzhou Financial Holding Group Co., Ltd.', '泉州金控', 'Quanzhou Financial Holding', 'local_soe', '350503', '350500'),
  o('泉州美岭水泥有限公司', 'Quanzhou Meiling Cement Co., Ltd.', '美岭水泥', 'Meiling Cement', 'private', '350521', '350500'),
  o('万洋集团有限公司', 'Wanyang Group Co., Ltd.', '万洋', 'Wanyang', 'private', '330381', '350500'),
  o('上海零趣视频科技有限公司', 'Shanghai Lingqu Video Technology Co., Ltd.', '零趣视频', 'Lingqu Video', 'private', '310104', '350500'),
  o('上海零趣食品有限公司', 'Shanghai Lingqu Foods Co., Ltd.', '零趣', 'Lingqu Foods', 'private', '310104', '350500'),
  o('中民石材有限公司', 'Zhongmin Stone Co., Ltd.', '中民石材', 'Zhongmin Stone', 'private', '350583', '350500'),
  o('无锡蠡湖至真投资有限公司', 'Wuxi Lihu Zhizhen Investment Co., Ltd.', '蠡湖至真', 'Lihu Zhizhen', 'private', '320211', '350500'),
  o('北京首都创业集团有限公司', 'Beijing Capital Group Co., Ltd.', '首创', 'Capital Group', 'local_soe', '110102', '350500'),
  o('福建技师学院', 'Fujian Technician College', '福建技师学院', 'Fujian Technician College', 'institution', '350503', '350500'),
  o('福建鑫银电子材料有限公司', 'Fujian Xinyin Electronic Materials Co., Ltd.', '鑫银', 'Xinyin', 'private', '350502', '350500'),
  o('腾云硬科技（福建）有限公司', 'Tengyun Hard Tech (Fujian) Co., Ltd.', '腾云硬科技', 'Tengyun Hard Tech', 'private', '350583', '350500'),
  o('泉州闽电储能科技有限公司', 'Quanzhou Mindian Energy Storage Technology Co., Ltd.', '闽电储能', 'Mindian Storage', 'local_soe', '350521', '350500'),
  o('泉州智创科技城开发有限公司', 'Quanzhou Zhichuang Science City Development Co., Ltd.', '智创科技城', 'Zhichuang Science City', 'local_soe', '350503', '350500'),
  o('惠安县雕艺产业投资有限公司', "Hui'an Carving Art Industry Investment Co., Ltd.", '惠安雕艺', "Hui'an Carving", 'local_soe', '350521', '350500'),
  o('德化县农业产业发展有限公司', 'Dehua Agricultural Industry Development Co., Ltd.', '德化农发', 'Dehua Agriculture', 'local_soe', '350526', '350500'),
];

/** 003: the 2021 Hebei–Shenzhen matchmaking conference, its organizers and the Shenzhen firms named. */
// biome-ignore format: a table reads best one row per line
export const HEBEI_ORGS: NamedOrg[] = [
  o('中国国际数字经济博览会组委会', 'Organizing Committee of China International Digital Economy Expo', '数博会组委会', 'Digital Economy Expo Committee', 'government', '130000', '130100'),
  o('河北省工业和信息化厅', 'Department of Industry and Information Technology of Hebei Province', '河北省工信厅', 'Hebei MIIT Department', 'government', '130000', '130100'),
  o('深圳市乡村振兴和协作交流局', 'Shenzhen Bureau of Rural Revitalization and Cooperation', '深圳市乡村振兴局', 'Shenzhen Rural Revitalization Bureau', 'government', '440300', '130100'),
  o('深圳市工业和信息化局', 'Shenzhen Municipal Bureau of Industry and Information Technology', '深圳市工信局', 'Shenzhen MIIT Bureau', 'government', '440300', '130100'),
  o('深圳市电子商会', 'Shenzhen Electronics Chamber of Commerce', '深圳市电子商会', 'Shenzhen Electronics Chamber', 'institution', '440300', '130100', '51'),
  o('河北省信息产业与信息化协会', 'Hebei Information Industry and Informatization Association', '河北省信息协会', 'Hebei IT Association', 'institution', '130000', '130100', '51'),
  o('河北省人民政府', "Hebei Provincial People's Government", '河北省政府', 'Hebei Government', 'government', '130000', '130100'),
  o('深圳市人民政府', "Shenzhen Municipal People's Government", '深圳市政府', 'Shenzhen Government', 'government', '440300', '130100'),
  o('石家庄高新技术产业开发区管理委员会', 'Administrative Committee of Shijiazhuang Hi-tech Zone', '石家庄高新区管委会', 'Shijiazhuang Hi-tech Zone', 'government', '130102', '130100'),
  o('雄安新区管理委员会', "Administrative Committee of Xiong'an New Area", '雄安新区管委会', "Xiong'an Committee", 'government', '130629', '130100'),
  o('华为技术有限公司', 'Huawei Technologies Co., Ltd.', '华为', 'Huawei', 'private', '440307', '130100'),
  o('金蝶软件（中国）有限公司', 'Kingdee Software (China) Co., Ltd.', '金蝶', 'Kingdee', 'hmt', '中国香港', '130100'),
  o('深圳市金证科技股份有限公司', 'Shenzhen Kingdom Sci-Tech Co., Ltd.', '金证', 'Kingdom', 'private', '440305', '130100'),
  o('深圳市盛威信息技术有限公司', 'Shenzhen Shengwei Information Technology Co., Ltd.', '深圳盛威', 'Shengwei', 'private', '440304', '130100'),
  o('摩比天线技术（深圳）有限公司', 'MOBI Antenna Technologies (Shenzhen) Co., Ltd.', '摩比', 'MOBI', 'hmt', '中国香港', '130100'),
  o('国民技术股份有限公司', 'Nations Technologies Inc.', '国民技术', 'Nations Technologies', 'private', '440305', '130100'),
  o('河北盛世天成信息技术有限公司', 'Hebei Shengshi Tiancheng Information Technology Co., Ltd.', '盛世天成', 'Shengshi Tiancheng', 'private', '130102', '130100'),
];

/**
 * The same bodies typed a second way, without a credit code, as real imports produce them: the duplicate
 * finder should pair each with its original.
 */
// biome-ignore format: a table reads best one row per line
export const NEAR_DUPLICATES: NamedOrg[] = [
  o('宽腾(北京)医疗器械有限责任公司', 'Kuanteng Beijing Medical Devices', '宽腾', 'Kuanteng', 'private', '110108', '350100'),
  o('厦门光莆电子股份公司', 'Xiamen Guangpu Electronics', '光莆电子', 'Guangpu', 'private', '350206', '350100'),
  o('福州振兴乡村集团', 'Fuzhou Rural Revitalization Group', '振兴乡村集团', 'Rural Revitalization', 'local_soe', '350102', '350100'),
  o('浙江大华技术有限公司', 'Zhejiang Dahua Technology', '大华技术', 'Dahua', 'private', '330108', '350000'),
  o('百度网讯科技有限公司', 'Baidu Netcom', '百度网讯', 'Baidu', 'private', '110108', '350000'),
];
