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

/** How a signer put down their signature: drawn by hand or typed. */
export const SIGNATURE_KINDS = ['drawn', 'typed'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/** Remotely through the signer's link, or on site on the host's tablet. */
export const SIGNING_VIAS = ['remote', 'onsite'] as const;
export type SigningVia = (typeof SIGNING_VIAS)[number];

/** The states of an agreement's PDF kept in the database: the unsigned file, each signature, the seal. */
export const DOCUMENT_KINDS = ['uploaded', 'generated', 'signature', 'sealed'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where the seal of a fully signed agreement stands; a failed seal is retried, never left. */
export const SEAL_STATUSES = ['none', 'pending', 'sealed'] as const;
export type SealStatus = (typeof SEAL_STATUSES)[number];

export const WEBHOOK_EVENT_TYPES = [
  'agreement.sent',
  'agreement.signed',
  'agreement.completed',
  'agreement.declined',
  'agreement.voided',
  'agreement.expired',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
