// Builds every demo organization with a valid, unique credit code, and the investor pools builders draw from.
import type { OrganizationType } from '../../schema/organizations.ts';
import { makeUsci, type Registrar } from '../credit-codes.ts';
import { addOrg, type DemoData, type OrgDraft } from '../model.ts';
import { streamFor } from '../random.ts';
import { BACKBONE_ORGS } from './backbone.ts';
import { generatedOrgs } from './generated.ts';
import {
  FUZHOU_EXPO_ORGS,
  HEBEI_ORGS,
  type NamedOrg,
  NEAR_DUPLICATES,
  QUANZHOU_ORGS,
  SUMMIT_ORGS,
} from './named.ts';

/** Investors by type, for projects that are not named in a seed article. */
export type OrgPools = Record<Exclude<OrganizationType, 'government'>, OrgDraft[]> & {
  /** Private firms from Fujian, which most Fujian projects come from. */
  fujianPrivate: OrgDraft[];
  /** Fujian's manufacturers in traditional trades (shoes, food, glass, sanitary ware), for their own upgrades. */
  traditional: OrgDraft[];
  /** City governments of Fujian by city code (350100 …), the usual other party of an investment contract. */
  cityGovernment: Map<string, OrgDraft>;
};

const TRADITIONAL = [
  '福耀玻璃工业集团股份有限公司',
  '安踏体育用品集团有限公司',
  '九牧厨卫股份有限公司',
  '达利食品集团有限公司',
];

function registrarFor(type: OrganizationType): Registrar {
  if (type === 'government') return '11';
  if (type === 'institution') return '12';
  return '91';
}

const CITY_GOVERNMENTS: Record<string, string> = {
  '350100': '福州市人民政府',
  '350200': '厦门市人民政府',
  '350300': '莆田市人民政府',
  '350400': '三明市人民政府',
  '350500': '泉州市人民政府',
  '350600': '漳州市人民政府',
  '350700': '南平市人民政府',
  '350800': '龙岩市人民政府',
  '350900': '宁德市人民政府',
};

export function buildOrganizations(data: DemoData): OrgPools {
  const random = streamFor(data.context.seed, 'organizations');
  const taken = new Set<string>();
  const add = (row: NamedOrg, hasUsci: boolean): OrgDraft => {
    // A credit code carries the region where the body registered: its home, or the keeping bureau's for foreign ones.
    const region = /^\d{6}$/.test(row.origin) ? row.origin : row.keeper;
    return addOrg(data, {
      nameZh: row.zh,
      nameEn: row.en,
      shortZh: row.shortZh,
      shortEn: row.shortEn,
      usci: hasUsci ? makeUsci(random, row.registrar ?? registrarFor(row.type), region, taken) : null,
      type: row.type,
      origin: row.origin,
      regionCode: row.keeper,
    });
  };
  const named = [...FUZHOU_EXPO_ORGS, ...SUMMIT_ORGS, ...QUANZHOU_ORGS, ...HEBEI_ORGS, ...BACKBONE_ORGS];
  for (const row of named) add(row, true);
  const generated = generatedOrgs(random, new Set(named.map((row) => row.zh))).map((row) => add(row, true));
  for (const row of NEAR_DUPLICATES) add(row, false);

  // Seed parties stay with their own events; the pools hold the recurring and generated investors.
  const poolNames = new Set(
    [...SUMMIT_ORGS, ...BACKBONE_ORGS].map((row) => row.zh).filter((name) => !TRADITIONAL.includes(name)),
  );
  const members = [...data.orgs.filter((o) => poolNames.has(o.nameZh)), ...generated];
  const ofType = (type: OrganizationType) => members.filter((o) => o.type === type);
  const cityGovernment = new Map<string, OrgDraft>();
  for (const [city, name] of Object.entries(CITY_GOVERNMENTS)) {
    const found = data.orgByName.get(name);
    if (found) cityGovernment.set(city, found);
  }
  return {
    central_soe: ofType('central_soe'),
    local_soe: ofType('local_soe'),
    private: ofType('private'),
    foreign: ofType('foreign'),
    hmt: ofType('hmt'),
    overseas_chinese: ofType('overseas_chinese'),
    institution: ofType('institution'),
    fujianPrivate: ofType('private').filter((o) => o.origin?.startsWith('35')),
    traditional: TRADITIONAL.map((name) => data.orgByName.get(name)).filter(
      (o): o is OrgDraft => o !== undefined,
    ),
    cityGovernment,
  };
}
