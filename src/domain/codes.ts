// The closed code lists shared by the database schema, the API contracts and the web app: one place each.

export const ROLES = ['admin', 'leader', 'officer', 'organizer', 'service', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof LOCALES)[number];

/** Investor types (央企, 地方国企, 民营, 外资, 港澳台资, 侨资, 事业单位, 政府机构). */
export const ORGANIZATION_TYPES = [
  'central_soe',
  'local_soe',
  'private',
  'foreign',
  'hmt',
  'overseas_chinese',
  'institution',
  'government',
] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

export const PROJECT_SOURCES = ['event', 'referral', 'cloud_negotiation', 'catalog', 'other'] as const;
export type ProjectSource = (typeof PROJECT_SOURCES)[number];

export const INVESTOR_ROLES = ['lead_investor', 'co_investor', 'partner', 'government_party'] as const;
export type InvestorRole = (typeof INVESTOR_ROLES)[number];

export const CURRENCIES = ['CNY', 'USD'] as const;
export const AMOUNT_QUALIFIERS = ['exact', 'at_least', 'about', 'at_most'] as const;
