// The agreement form's values, and how they turn into the request body and back; pure, so tested by table.
import dayjs, { type Dayjs } from 'dayjs';
import type { SigningOrder } from '../../../domain/events.ts';
import type { Agreement, AgreementBody } from './api.ts';

export interface SignerValues {
  name?: string;
  title?: string;
  email?: string;
  mobile?: string;
  /** The contact on file, partly hidden by the server; shown only, never sent. */
  contact?: string;
}
export interface PartyValues {
  organizationId?: string;
  signers: SignerValues[];
}
export interface Values {
  typeCode?: string;
  titleZh: string;
  titleEn?: string;
  eventId?: string | null;
  regionCode?: string;
  amount?: string;
  signingOrder: SigningOrder;
  expiresOn?: Dayjs | null;
  parties: PartyValues[];
  projectIds: string[];
}

export const TOP_FIELDS = [
  'typeCode',
  'titleZh',
  'titleEn',
  'eventId',
  'regionCode',
  'amount',
  'signingOrder',
  'expiresOn',
  'parties',
  'projectIds',
] as const;
const SIGNER_FIELDS = ['name', 'title', 'email', 'mobile'];

const emptyParty = (): PartyValues => ({ signers: [{}] });
export const newParty = emptyParty;

export function initialValues(agreement: Agreement | undefined, eventId: string | null): Values {
  if (!agreement)
    return {
      titleZh: '',
      eventId,
      signingOrder: 'parallel',
      parties: [emptyParty(), emptyParty()],
      projectIds: [],
    };
  return {
    typeCode: agreement.typeCode,
    titleZh: agreement.titleZh,
    titleEn: agreement.titleEn ?? undefined,
    eventId: agreement.event?.id ?? null,
    regionCode: agreement.region.code,
    // Whole yuan as digits: AmountInput shows what they mean, and they parse back to the same figure.
    amount: agreement.amount ? String(agreement.amount.yuan) : undefined,
    signingOrder: agreement.signingOrder,
    expiresOn: agreement.expiresOn ? dayjs(agreement.expiresOn) : null,
    parties: agreement.parties.map((party) => ({
      organizationId: party.organizationId,
      signers: [...party.signers]
        .sort((a, b) => a.position - b.position)
        .map((signer) => ({
          name: signer.name,
          title: signer.title ?? undefined,
          contact: signer.contact ?? undefined,
        })),
    })),
    projectIds: agreement.projects.map((project) => project.id),
  };
}

const text = (value: string | undefined) => value?.trim() || null;

export function toBody(values: Values): AgreementBody {
  return {
    eventId: values.eventId ?? null,
    typeCode: values.typeCode ?? '',
    titleZh: values.titleZh.trim(),
    titleEn: text(values.titleEn),
    amount: text(values.amount),
    ...(values.regionCode ? { regionCode: values.regionCode } : {}),
    signingOrder: values.signingOrder,
    expiresOn: values.expiresOn ? values.expiresOn.format('YYYY-MM-DD') : null,
    parties: values.parties.map((party) => ({
      organizationId: party.organizationId ?? '',
      signers: party.signers.map((signer) => ({
        name: signer.name?.trim() ?? '',
        title: text(signer.title),
        email: text(signer.email),
        mobile: text(signer.mobile),
      })),
    })),
    projectIds: values.projectIds ?? [],
  };
}

const isIndex = (part: string | undefined): part is string => /^\d+$/.test(part ?? '');

/**
 * Where a server error's field ('parties.1.signers.0.email') sits on this form (['parties', 1, 'signers', 0,
 * 'email']); a path the form cannot show as deep falls back to its nearest shown parent.
 */
export function formPath(parts: readonly string[]): (string | number)[] | null {
  const [first, partIndex, second, signerIndex, field] = parts;
  if (first !== 'parties' || !isIndex(partIndex)) return null;
  if (second === 'organizationId') return ['parties', Number(partIndex), 'organizationId'];
  if (second !== 'signers') return ['parties', Number(partIndex), 'organizationId'];
  if (!isIndex(signerIndex)) return ['parties', Number(partIndex), 'signers'];
  const at = ['parties', Number(partIndex), 'signers', Number(signerIndex)];
  return field && SIGNER_FIELDS.includes(field) ? [...at, field] : [...at, 'name'];
}

/** Parties as the server would store them, to tell whether the user changed any. */
const partiesKey = (parties: readonly PartyValues[]) =>
  JSON.stringify(
    toBody({ titleZh: '', signingOrder: 'parallel', parties: [...parties], projectIds: [] }).parties,
  );

/**
 * The PATCH body of a draft. Parties go only when changed, and a blank e-mail or mobile is left out: the server
 * shows contacts partly hidden and keeps the one on file for a signer whose contact is left out.
 */
export function toPatch(
  initial: Values,
  values: Values,
  version: number,
): Partial<AgreementBody> & { version: number } {
  const { parties, ...rest } = toBody(values);
  const keepingContacts = parties?.map((party) => ({
    ...party,
    signers: party.signers.map(({ email, mobile, ...signer }) => ({
      ...signer,
      ...(email ? { email } : {}),
      ...(mobile ? { mobile } : {}),
    })),
  }));
  return partiesKey(initial.parties) === partiesKey(values.parties)
    ? { ...rest, version }
    : { ...rest, parties: keepingContacts, version };
}
