// seeds/000: the 2nd China International Digital Products Expo signing ceremony, 2022-07-24, 28 agreements, 3.24亿元.
import { SEED_FIGURES } from '../figures.ts';
import {
  type AgreementTypeCode,
  addAgreement,
  addEvent,
  addProject,
  type CategoryCode,
  type DemoData,
  type EventDraft,
  type InvestorRole,
  org,
  yuan,
} from '../model.ts';
import { NO_DROP, signedTimeline } from '../projects/timeline.ts';
import { streamFor } from '../random.ts';

interface Signing {
  type: AgreementTypeCode;
  /** First party as the article names it first (the Fuzhou side or the lead company). */
  first: string;
  second: string;
  /** The second party's role in the project. */
  secondRole: InvestorRole;
  /** The first party invests (lead); otherwise the second party leads and the first is a partner. */
  isFirstLead: boolean;
  zh: string;
  en: string;
  industry: string;
  site: string;
  wan: number;
  category?: CategoryCode;
}

const ZX = '福州市振兴乡村集团有限公司';
const ZH = '中麾（福建）科技有限公司';
const HL = '福建省瀚麟海洋产业有限公司';

function strategic(
  partner: string,
  zh: string,
  en: string,
  industry: string,
  site: string,
  wan: number,
): Signing {
  return {
    type: 'strategic_cooperation',
    first: ZX,
    second: partner,
    secondRole: 'lead_investor',
    isFirstLead: false,
    zh,
    en,
    industry,
    site,
    wan,
  };
}

function regional(partner: string, short: string, shortEn: string, site: string, wan: number): Signing {
  return {
    type: 'regional_cooperation',
    first: ZH,
    second: partner,
    secondRole: 'partner',
    isFirstLead: true,
    zh: `中麾×${short}数字文创区域合作项目`,
    en: `Zhonghui × ${shortEn} Digital Creative Regional Cooperation Project`,
    industry: '6579',
    site,
    wan,
  };
}

function keyProject(
  first: string,
  second: string,
  secondRole: InvestorRole,
  zh: string,
  en: string,
  industry: string,
  site: string,
  wan: number,
): Signing {
  return {
    type: 'key_project_signing',
    first,
    second,
    secondRole,
    isFirstLead: true,
    zh,
    en,
    industry,
    site,
    wan,
  };
}

/** Amounts in 万元; they add up to 32,400万元 = 3.24亿元. */
// biome-ignore format: a table reads best one row per line
const SIGNINGS: Signing[] = [
  strategic('宽腾（北京）医疗器械有限公司', '乡村智慧医疗设备应用项目', 'Rural Smart Medical Equipment Project', '3581', '350121', 1200),
  strategic('福建汉特云智能科技有限公司', '智能配送机器人乡村应用项目', 'Rural Delivery Robot Project', '3964', '350104', 1500),
  strategic('北京洛必德科技有限公司', '服务机器人示范应用项目', 'Service Robot Demonstration Project', '3964', '350121001', 1000),
  strategic('厦门光莆电子股份有限公司', '前端感知设备研发应用项目', 'Front-end Sensing Device R&D Project', '3983', '350121001', 2000),
  strategic('北京布科思科技有限公司', '机器人底盘研发中心项目', 'Robot Chassis R&D Centre Project', '3491', '350105001', 800),
  strategic('创泽智能机器人集团股份有限公司', '智能机器人福州运营中心项目', 'Intelligent Robot Fuzhou Operation Centre Project', '3964', '350102', 1100),
  strategic('福建平潭瑞谦智能科技有限公司', '智慧农业物联网平台项目', 'Smart Agriculture IoT Platform Project', '6532', '350125', 600),
  strategic('福州物联网开放实验室有限公司', '乡村数字化物联网应用项目', 'Rural IoT Applications Project', '6532', '350121001', 900),
  strategic('山西共致科技有限公司', '乡村数字治理平台项目', 'Rural Digital Governance Platform Project', '6531', '350181', 500),
  strategic('厦门畅享信息技术有限公司', '乡村振兴信息化服务平台项目', 'Rural Revitalization Information Platform Project', '6513', '350102', 700),
  strategic('北京中科闻歌科技股份有限公司', '乡村数据智能分析平台项目', 'Rural Data Intelligence Platform Project', '6450', '350102', 1300),
  strategic('北京汉捷科技有限公司', '安防设备集成应用项目', 'Security Equipment Integration Project', '3595', '350111', 600),
  strategic('杭州万为科技有限责任公司', '巡检机器人研发应用项目', 'Inspection Robot R&D Project', '3491', '350105001', 800),
  regional('福建行元维度科技有限公司', '行元维度', 'Xingyuan Weidu', '350102', 400),
  regional('福建超元气科技有限公司', '超元气', 'Chaoyuanqi', '350104', 600),
  regional('宁德华海文化传媒有限公司', '华海文化', 'Huahai Culture', '350103', 500),
  regional('泉州市鑫昕信息技术有限公司', '鑫昕', 'Xinxin', '350102', 450),
  regional('浙江元焱科技有限公司', '元焱', 'Yuanyan', '350104', 550),
  regional('河北中益网络科技有限公司', '中益网络', 'Zhongyi Network', '350102', 500),
  regional('石家庄中摩文化传媒有限公司', '中摩文化', 'Zhongmo Culture', '350103', 400),
  regional('湖南好创作科技有限公司', '好创作', 'Haochuangzuo', '350111', 600),
  keyProject(HL, '福建水产研究所', 'partner', '智慧海洋渔业大数据平台项目', 'Smart Fishery Big Data Platform Project', '6450', '350122', 2600),
  keyProject(HL, '福建工程学院', 'partner', '智慧海洋装备联合研发中心项目', 'Smart Ocean Equipment Joint R&D Centre Project', '4023', '350122', 2400),
  keyProject(HL, '厦门大学信息学院', 'partner', '海洋信息化实训基地项目', 'Marine Informatics Training Base Project', '8391', '350112', 1800),
  keyProject('福建互宽集团有限公司', '云南闽蓝科技有限责任公司', 'partner', '信息化实训基地项目', 'IT Training Base Project', '8391', '350102', 1500),
  keyProject('福州海康威视数字技术有限公司', '四创科技有限公司', 'partner', '智慧安防前端设备生产项目', 'Smart Security Front-end Equipment Project', '3595', '350105001', 2500),
  keyProject('福州精弘科技有限公司', '亿铭轩（福建）科技有限公司', 'co_investor', '光纤光缆生产线项目', 'Optical Fibre and Cable Line Project', '3833', '350121', 1600),
  keyProject('厦门金龙联合汽车工业有限公司', '北京凌云智能科技有限公司', 'partner', '汽车自平衡悬架系统开发及应用项目', 'Vehicle Self-balancing Suspension System Project', '3670', '350105001', 3000),
];

const TYPE_NAMES: Record<AgreementTypeCode, { zh: string; en: string }> = {
  strategic_cooperation: { zh: '战略合作协议', en: 'Strategic cooperation agreement' },
  regional_cooperation: { zh: '区域合作协议', en: 'Regional cooperation agreement' },
  investment_contract: { zh: '投资合同', en: 'Investment contract' },
  framework_agreement: { zh: '框架协议', en: 'Framework agreement' },
  key_project_signing: { zh: '重点项目签约协议', en: 'Key project signing' },
};

export function buildFuzhouExpo2022(data: DemoData, summit: EventDraft): EventDraft {
  const figures = SEED_FIGURES.fuzhouExpo2022;
  const random = streamFor(data.context.seed, 'fuzhou-expo-2022');
  const event = addEvent(data, {
    parentId: summit.id,
    kind: 'signing_ceremony',
    nameZh: figures.eventNameZh,
    nameEn: 'Signing Ceremony of the 2nd China International Digital Products Expo',
    regionCode: figures.regionCode,
    startsOn: figures.date,
    endsOn: figures.date,
    venueZh: '福州海峡国际会展中心4号馆活动区',
    venueEn: 'Activity Area, Hall 4, Fuzhou Strait International Conference & Exhibition Center',
    isOnline: false,
    roles: [{ organizationId: org(data, '福州市商务局').id, role: 'organizer' }],
  });
  for (const signing of SIGNINGS) {
    const first = org(data, signing.first);
    const second = org(data, signing.second);
    const investors = signing.isFirstLead
      ? [
          { organizationId: first.id, role: 'lead_investor' as const },
          { organizationId: second.id, role: signing.secondRole },
        ]
      : [
          { organizationId: second.id, role: 'lead_investor' as const },
          { organizationId: first.id, role: 'partner' as const },
        ];
    const project = addProject(data, {
      nationalCode: null,
      nameZh: signing.zh,
      nameEn: signing.en,
      descriptionZh: `${signing.first}与${signing.second}在第二届中国国际数字产品博览会签约仪式上签署${TYPE_NAMES[signing.type].zh}。`,
      descriptionEn: `${first.nameEn} and ${second.nameEn} signed at the 2nd China International Digital Products Expo.`,
      regionCode: signing.site,
      industryCode: signing.industry,
      categoryCode: signing.category ?? 'digital_industry',
      investment: yuan(signing.wan * 10_000),
      expectedOutputYuan: null,
      source: 'event',
      isKey: signing.type === 'key_project_signing',
      isMajor: false,
      timeline: signedTimeline(
        random,
        figures.date,
        data.context.asOf,
        NO_DROP,
        `${figures.eventNameZh}签约`,
      ),
      investors,
    });
    addAgreement(data, {
      eventId: event.id,
      typeCode: signing.type,
      titleZh: `${signing.first}与${signing.second}${TYPE_NAMES[signing.type].zh}`,
      titleEn: `${TYPE_NAMES[signing.type].en}: ${first.nameEn} – ${second.nameEn}`,
      amountYuan: signing.wan * 10_000,
      status: 'completed',
      signedOn: figures.date,
      regionCode: figures.regionCode,
      partyIds: [first.id, second.id],
      projectIds: [project.id],
    });
  }
  return event;
}
