import { z } from 'zod';
import { SIZE_BANDS, type SizeBand } from '../domain/amount.ts';
import { INVESTOR_ROLES, PROJECT_SOURCES } from '../domain/codes.ts';
import { AGREEMENT_STATUSES } from '../domain/events.ts';
import { EVIDENCE_KINDS, STAGES } from '../domain/stages.ts';
import { AmountInput, commaList, IsoDate, PageQuery, QueryBoolean, RegionRef, Version } from './common.ts';
import { OrganizationType } from './organizations.ts';

export const Stage = z.enum(STAGES);
const SIZE_BAND_CODES = SIZE_BANDS.map((band) => band.code) as [SizeBand, ...SizeBand[]];
const UsdRate = z.string().regex(/^\d{1,4}(\.\d{1,6})?$/, 'CNY per USD, e.g. 7.1234');

export const InvestorInput = z.object({ organizationId: z.uuid(), role: z.enum(INVESTOR_ROLES) });

export const CreateProjectBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,40}$/)
    .optional(),
  nationalCode: z.string().trim().max(40).nullish(),
  nameZh: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(300).nullish(),
  descriptionZh: z.string().max(10_000).nullish(),
  descriptionEn: z.string().max(20_000).nullish(),
  regionCode: z.string().min(6).max(12),
  industryCode: z.string().min(1).max(8),
  categoryCode: z.string().min(1).max(40),
  investment: AmountInput,
  /** CNY per USD, required when the investment is in US dollars. */
  usdRate: UsdRate.nullish(),
  expectedOutput: AmountInput.nullish(),
  source: z.enum(PROJECT_SOURCES),
  ownerId: z.uuid().nullish(),
  isKey: z.boolean().default(false),
  isMajor: z.boolean().default(false),
  /** A new project starts as a lead or in negotiation; later stages are reached by stage moves. */
  stage: z.enum(['lead', 'negotiating']).default('lead'),
  /** When the project reached that first stage (a lead recorded late keeps its real date); default today. */
  stageOn: IsoDate.optional(),
  investors: z.array(InvestorInput).max(50).default([]),
});
export type CreateProjectBody = z.infer<typeof CreateProjectBody>;

export const UpdateProjectBody = CreateProjectBody.omit({ stage: true, stageOn: true, code: true })
  .partial()
  .extend({ version: Version });
export type UpdateProjectBody = z.infer<typeof UpdateProjectBody>;

export const InvestmentView = z.object({
  amount: z.number().int(),
  currency: z.enum(['CNY', 'USD']),
  qualifier: z.enum(['exact', 'at_least', 'about', 'at_most']),
  usdRate: z.string().nullable(),
  yuan: z.number().int(),
  displayZh: z.string(),
  displayEn: z.string(),
});

export const InvestorView = z.object({
  organizationId: z.uuid(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  type: OrganizationType,
  role: z.enum(INVESTOR_ROLES),
});

export const ProjectView = z.object({
  id: z.uuid(),
  code: z.string(),
  nationalCode: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  region: RegionRef,
  industry: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() }),
  categoryCode: z.string(),
  investment: InvestmentView,
  expectedOutputYuan: z.number().int().nullable(),
  source: z.enum(PROJECT_SOURCES),
  ownerId: z.uuid().nullable(),
  isKey: z.boolean(),
  isMajor: z.boolean(),
  stage: Stage,
  stageChangedOn: z.string(),
  signedOn: z.string().nullable(),
  droppedReason: z.string().nullable(),
  investors: z.array(InvestorView),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectView = z.infer<typeof ProjectView>;

export const PROJECT_SORT_VALUES = [
  'updatedAt',
  'createdAt',
  'investment',
  'name',
  'code',
  'signedOn',
] as const;

export const ProjectFilterQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  region: z.string().min(2).max(12).optional(),
  industry: z.string().min(1).max(8).optional(),
  digitalEconomy: z
    .string()
    .regex(/^0[1-5]\d{0,4}$/)
    .optional(),
  category: commaList(z.string().max(40)).optional(),
  stage: commaList(Stage).optional(),
  source: commaList(z.enum(PROJECT_SOURCES)).optional(),
  investorType: commaList(OrganizationType).optional(),
  band: z.enum(SIZE_BAND_CODES).optional(),
  minInvestment: z.string().max(60).optional(),
  maxInvestment: z.string().max(60).optional(),
  dateField: z.enum(['createdAt', 'signedOn', 'stageChangedOn']).default('createdAt'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  isKey: QueryBoolean.optional(),
  isMajor: QueryBoolean.optional(),
  ownerId: z.uuid().optional(),
  organizationId: z.uuid().optional(),
});
export type ProjectFilterQuery = z.infer<typeof ProjectFilterQuery>;

export const ListProjectsQuery = ProjectFilterQuery.extend(PageQuery.shape).extend({
  sort: z.enum(PROJECT_SORT_VALUES).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ListProjectsQuery = z.infer<typeof ListProjectsQuery>;

export const ProjectPage = z.object({ items: z.array(ProjectView), nextCursor: z.string().nullable() });
export const ProjectCount = z.object({
  count: z.number().int(),
  investmentYuan: z.number().int(),
  displayZh: z.string(),
  displayEn: z.string(),
});

export const StageMoveBody = z.object({
  to: Stage,
  on: IsoDate,
  reason: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(2000).optional(),
  evidence: z
    .array(z.object({ fileId: z.uuid(), kind: z.enum(EVIDENCE_KINDS) }))
    .max(20)
    .default([]),
  /** The version the client last read. */
  version: Version,
});
export type StageMoveBody = z.infer<typeof StageMoveBody>;

/** An agreement as a project's history names it: the evidence of a move, or a sealed agreement linked to it. */
export const TimelineAgreement = z.object({
  id: z.uuid(),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  status: z.enum(AGREEMENT_STATUSES),
});

/** An agreement linked to a project; `hasMovedProject` when its seal moved the project to 签约. */
export const ProjectAgreement = TimelineAgreement.extend({
  signedOn: z.string().nullable(),
  sealedAt: z.string().nullable(),
  hasMovedProject: z.boolean(),
  /** Voided after its seal moved the project: the stage stands, the project is flagged. */
  isVoidedAfterMove: z.boolean(),
});

export const TimelineEntry = z.object({
  kind: z.enum(['stage', 'audit', 'agreement']),
  at: z.string(),
  on: z.string().nullable(),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  fromStage: Stage.nullable(),
  toStage: Stage.nullable(),
  note: z.string().nullable(),
  action: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  evidence: z.array(
    z.object({
      fileId: z.uuid(),
      kind: z.enum(EVIDENCE_KINDS),
      name: z.string(),
      size: z.number().int(),
    }),
  ),
  /** A move's evidence when the seal of this agreement made it; the sealed agreement on kind 'agreement'. */
  agreement: TimelineAgreement.nullable(),
});
export const Timeline = z.object({ items: z.array(TimelineEntry), agreements: z.array(ProjectAgreement) });

export const PipelineSummary = z.object({
  byStage: z.array(z.object({ stage: Stage, count: z.number().int(), investmentYuan: z.number().int() })),
  monthChanges: z.array(
    z.object({
      projectId: z.uuid(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string().nullable(),
      fromStage: Stage.nullable(),
      toStage: Stage,
      occurredOn: z.string(),
    }),
  ),
  attention: z.array(
    z.object({
      projectId: z.uuid(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string().nullable(),
      stage: Stage,
      since: z.string(),
      days: z.number().int(),
      reason: z.enum(['signed_not_registered', 'registered_not_started', 'negotiation_stalled']),
    }),
  ),
  /** The thresholds (days) behind the attention list, so the page can say what "stalled" means. */
  thresholds: z.object({
    signedNotRegistered: z.number().int(),
    registeredNotStarted: z.number().int(),
    negotiationStalled: z.number().int(),
  }),
});
export type PipelineSummary = z.infer<typeof PipelineSummary>;
