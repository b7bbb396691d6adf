import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  SEAL_STATUSES,
  SIGNER_STATUSES,
  SIGNING_ORDERS,
  SIGNING_VIAS,
} from '../domain/events.ts';
import { AmountInput, IsoDate, PageQuery, RegionRef, Version } from './common.ts';

const SignerInput = z.object({
  name: z.string().trim().min(1).max(100),
  title: z.string().trim().max(100).nullish(),
  email: z.email().max(200).nullish(),
  mobile: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{5,19}$/, 'a phone number')
    .nullish(),
});

export const PartyInput = z.object({
  organizationId: z.uuid(),
  signers: z.array(SignerInput).min(1).max(10),
});

export const CreateAgreementBody = z.object({
  eventId: z.uuid().nullish(),
  typeCode: z.string().min(1).max(40),
  titleZh: z.string().trim().min(2).max(300),
  titleEn: z.string().trim().max(400).nullish(),
  /** Contracted amount as people write it, in yuan (3.24亿, 5000万元). */
  amount: AmountInput.nullish(),
  regionCode: z.string().min(2).max(12).optional(),
  signingOrder: z.enum(SIGNING_ORDERS).default('parallel'),
  expiresOn: IsoDate.nullish(),
  parties: z.array(PartyInput).min(2).max(20),
  projectIds: z.array(z.uuid()).max(200).default([]),
});
export type CreateAgreementBody = z.infer<typeof CreateAgreementBody>;

export const UpdateAgreementBody = CreateAgreementBody.partial().extend({
  version: Version,
});
export type UpdateAgreementBody = z.infer<typeof UpdateAgreementBody>;

export const VoidAgreementBody = z.object({
  reason: z.string().trim().min(2).max(1000),
  version: Version,
});
export const SendAgreementBody = z.object({ version: Version });

export const AgreementView = z.object({
  id: z.uuid(),
  event: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  typeCode: z.string(),
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  amount: z.object({ yuan: z.number().int(), displayZh: z.string(), displayEn: z.string() }).nullable(),
  status: z.enum(AGREEMENT_STATUSES),
  signingOrder: z.enum(SIGNING_ORDERS),
  expiresOn: z.string().nullable(),
  signedOn: z.string().nullable(),
  voidReason: z.string().nullable(),
  region: RegionRef,
  parties: z.array(
    z.object({
      organizationId: z.uuid(),
      nameZh: z.string(),
      nameEn: z.string().nullable(),
      signers: z.array(
        z.object({
          id: z.uuid(),
          position: z.number().int(),
          name: z.string(),
          title: z.string().nullable(),
          status: z.enum(SIGNER_STATUSES),
          signedAt: z.string().nullable(),
          signedVia: z.enum(SIGNING_VIAS).nullable(),
          declinedReason: z.string().nullable(),
          /** Where the signing link and codes go, partly hidden (l***@example.com); null: on site only. */
          contact: z.string().nullable(),
          linkSentAt: z.string().nullable(),
          /** With sequential signing, whether every signer before this one has signed. */
          isTurn: z.boolean(),
        }),
      ),
    }),
  ),
  projects: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string().nullable(),
      investmentYuan: z.number().int(),
    }),
  ),
  /** The PDF: its latest revision (0 before it exists), and whether it was uploaded or generated. */
  document: z.object({
    revision: z.number().int(),
    sha256: z.string().nullable(),
    isUploaded: z.boolean(),
  }),
  seal: z.object({
    status: z.enum(SEAL_STATUSES),
    sealedAt: z.string().nullable(),
    sha256: z.string().nullable(),
    attempts: z.number().int(),
    error: z.string().nullable(),
  }),
  signedAt: z.string().nullable(),
  version: z.number().int(),
});
export type AgreementView = z.infer<typeof AgreementView>;

export const ListAgreementsQuery = PageQuery.extend({
  eventId: z.uuid().optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  typeCode: z.string().max(40).optional(),
});
export type ListAgreementsQuery = z.infer<typeof ListAgreementsQuery>;
export const AgreementPage = z.object({ items: z.array(AgreementView), nextCursor: z.string().nullable() });
