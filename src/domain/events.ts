// Event and agreement code lists, shared by schema, contracts and web.

export const EVENT_KINDS = [
  'summit',
  'expo',
  'matchmaking',
  'signing_ceremony',
  'promotion',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** 主办 organizer, 协办 co-organizer, 承办 host. */
export const EVENT_ROLES = ['organizer', 'co_organizer', 'host'] as const;
export type EventRole = (typeof EVENT_ROLES)[number];

/** 主会场, 分会场, online room. */
export const VENUE_KINDS = ['main', 'branch', 'online'] as const;

export const AGREEMENT_STATUSES = ['draft', 'signing', 'completed', 'declined', 'voided', 'expired'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const SIGNING_ORDERS = ['sequential', 'parallel'] as const;
export type SigningOrder = (typeof SIGNING_ORDERS)[number];

export const SIGNER_STATUSES = ['pending', 'signed', 'declined'] as const;
export type SignerStatus = (typeof SIGNER_STATUSES)[number];
