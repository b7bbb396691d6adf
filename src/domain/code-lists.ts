/**
 * Small code lists with Chinese and English labels. Pure data with no imports, so the web client can use the
 * same constants; the server seeds them into `code_lists` in this order.
 */

export interface CodeListItem<Code extends string = string> {
  readonly code: Code;
  readonly nameZh: string;
  readonly nameEn: string;
}

export const INVESTOR_TYPES = [
  { code: 'central_soe', nameZh: '央企', nameEn: 'Central state-owned enterprise' },
  { code: 'local_soe', nameZh: '地方国企', nameEn: 'Local state-owned enterprise' },
  { code: 'private', nameZh: '民营企业', nameEn: 'Private enterprise' },
  { code: 'foreign', nameZh: '外资企业', nameEn: 'Foreign-invested enterprise' },
  { code: 'hmt', nameZh: '港澳台资企业', nameEn: 'Hong Kong, Macao or Taiwan-invested enterprise' },
  { code: 'overseas_chinese', nameZh: '侨资企业', nameEn: 'Overseas Chinese-invested enterprise' },
  { code: 'institution', nameZh: '事业单位/科研院所', nameEn: 'Public institution or research institute' },
  { code: 'government', nameZh: '政府机构', nameEn: 'Government agency' },
] as const satisfies readonly CodeListItem[];

export type InvestorType = (typeof INVESTOR_TYPES)[number]['code'];

export const PROJECT_CATEGORIES = [
  { code: 'digital_industry', nameZh: '数字产业', nameEn: 'Digital industry' },
  { code: 'digital_transformation', nameZh: '数字化转型', nameEn: 'Digital transformation' },
  { code: 'new_infrastructure', nameZh: '新基建', nameEn: 'New infrastructure' },
  { code: 'regional_hq', nameZh: '区域总部', nameEn: 'Regional headquarters' },
  { code: 'other', nameZh: '其他', nameEn: 'Other' },
] as const satisfies readonly CodeListItem[];

export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number]['code'];

export const AGREEMENT_TYPES = [
  { code: 'strategic_cooperation', nameZh: '战略合作协议', nameEn: 'Strategic cooperation agreement' },
  { code: 'regional_cooperation', nameZh: '区域合作协议', nameEn: 'Regional cooperation agreement' },
  { code: 'investment_contract', nameZh: '投资合同', nameEn: 'Investment contract' },
  { code: 'framework_agreement', nameZh: '框架协议', nameEn: 'Framework agreement' },
  { code: 'key_project_signing', nameZh: '重点项目签约', nameEn: 'Key project signing' },
] as const satisfies readonly CodeListItem[];

export type AgreementType = (typeof AGREEMENT_TYPES)[number]['code'];
