// Bilingual labels of the code lists the project pages show, from the same tables the server uses.
import { SIZE_BANDS } from '../../../domain/amount.ts';
import { INVESTOR_TYPES, PROJECT_CATEGORIES } from '../../../domain/code-lists.ts';
import { EVIDENCE_LABELS, STAGE_LABELS, STAGES, type Stage } from '../../../domain/stages.ts';

export { EVIDENCE_LABELS, STAGE_LABELS, STAGES, type Stage };

export const STAGE_COLORS: Record<Stage, string> = {
  lead: 'default',
  negotiating: 'processing',
  signed: 'blue',
  registered: 'cyan',
  construction: 'orange',
  production: 'green',
  full_output: 'success',
  dropped: 'error',
};

/** Column accents of the pipeline board, light to dark as a project matures; red for dropped. */
export const STAGE_HEX: Record<Stage, string> = {
  lead: '#bfbfbf',
  negotiating: '#69b1ff',
  signed: '#1677ff',
  registered: '#13c2c2',
  construction: '#fa8c16',
  production: '#52c41a',
  full_output: '#237804',
  dropped: '#ff4d4f',
};

export const CATEGORY_LABELS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  PROJECT_CATEGORIES.map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]),
);
export const INVESTOR_TYPE_LABELS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  INVESTOR_TYPES.map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]),
);

export const SOURCE_LABELS: Record<string, { zh: string; en: string }> = {
  event: { zh: '活动签约', en: 'Event' },
  referral: { zh: '以商招商/推荐', en: 'Referral' },
  cloud_negotiation: { zh: '云洽谈', en: 'Cloud negotiation' },
  catalog: { zh: '项目推介', en: 'Promotion catalog' },
  other: { zh: '其他', en: 'Other' },
};

export const INVESTOR_ROLE_LABELS: Record<string, { zh: string; en: string }> = {
  lead_investor: { zh: '主投资方', en: 'Lead investor' },
  co_investor: { zh: '合作投资方', en: 'Co-investor' },
  partner: { zh: '合作方', en: 'Partner' },
  government_party: { zh: '政府方', en: 'Government party' },
};

export const BAND_LABELS: Record<string, { zh: string; en: string }> = Object.fromEntries(
  SIZE_BANDS.map((b) => [b.code, { zh: b.zh, en: b.en }]),
);

export type Labels = Record<string, { zh: string; en: string }>;

/** antd Select options from a label table, in the current language. */
export function optionsOf(labels: Labels, pick: (zh: string, en: string) => string) {
  return Object.entries(labels).map(([value, label]) => ({ value, label: pick(label.zh, label.en) }));
}
