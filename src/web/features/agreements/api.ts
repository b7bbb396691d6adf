import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgreementPage,
  AgreementView,
  CreateAgreementBody,
  ListAgreementsQuery,
} from '../../../contracts/agreements.ts';
import type { CodeItem as CodeItemSchema } from '../../../contracts/reference.ts';
import type { AuditTrail, IssuedLink, SignatureInput, SignResult } from '../../../contracts/signing.ts';
import { AGREEMENT_TYPES } from '../../../domain/code-lists.ts';
import { ApiError, api, queryString } from '../../app/api.ts';

export type { AgreementView, SignatureInput, SignResult };
export type Agreement = AgreementView;
type CodeItem = z.infer<typeof CodeItemSchema>;
export type AgreementList = z.infer<typeof AgreementPage>;
export type Audit = z.infer<typeof AuditTrail>;
export type Link = z.infer<typeof IssuedLink>;
export type AgreementBody = z.input<typeof CreateAgreementBody>;
type ListQuery = Partial<Pick<ListAgreementsQuery, 'eventId' | 'status' | 'typeCode' | 'cursor' | 'limit'>>;

/** Everything under one key so a change refreshes lists, details and the on-site screen at once. */
export const AGREEMENTS_KEY = 'agreements';
export const agreementKey = (id: string) => [AGREEMENTS_KEY, 'one', id] as const;
export const auditKey = (id: string) => [AGREEMENTS_KEY, 'audit', id] as const;

export const fetchAgreements = (query: ListQuery, signal?: AbortSignal) =>
  api<AgreementList>(`/agreements${queryString(query)}`, { signal });
export const fetchAgreement = (id: string, signal?: AbortSignal) =>
  api<Agreement>(`/agreements/${id}`, { signal });
export const fetchAudit = (id: string, signal?: AbortSignal) =>
  api<Audit>(`/agreements/${id}/audit`, { signal });

export const createAgreement = (body: AgreementBody) =>
  api<Agreement>('/agreements', { method: 'POST', body });
export const updateAgreement = (id: string, body: Partial<AgreementBody> & { version: number }) =>
  api<Agreement>(`/agreements/${id}`, { method: 'PATCH', body });
export const sendAgreement = (id: string, version: number) =>
  api<Agreement>(`/agreements/${id}/send`, { method: 'POST', body: { version } });
export const voidAgreement = (id: string, reason: string, version: number) =>
  api<Agreement>(`/agreements/${id}/void`, { method: 'POST', body: { reason, version } });
export const reissueLink = (id: string, signerId: string) =>
  api<Link>(`/agreements/${id}/signers/${signerId}/link`, { method: 'POST' });
export const signOnsite = (id: string, signerId: string, signature: SignatureInput) =>
  api<SignResult>(`/agreements/${id}/signers/${signerId}/onsite`, { method: 'POST', body: { signature } });

/** Where the agreement's PDF is served: the latest revision, or a given one. */
export const documentUrl = (id: string, revision?: number) =>
  `/api/agreements/${id}/document.pdf${queryString({ revision })}`;

interface ErrorBody {
  error?: { code?: string; zh?: string; en?: string; details?: ApiError['details'] };
}

/** Uploads the agreement's own PDF (multipart, so not through api()); errors come back as ApiError. */
export async function uploadDocument(id: string, file: File): Promise<Agreement> {
  const form = new FormData();
  form.append('file', file);
  // A network failure rejects here with a plain Error: the caller shows its own "upload failed" text.
  const response = await fetch(`/api/agreements/${id}/document`, {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    if (error?.zh && error.en)
      throw new ApiError(response.status, error.code ?? 'http', error.zh, error.en, error.details ?? []);
    throw new Error(`upload failed (${response.status})`);
  }
  return body as Agreement;
}

/** The agreement types from the reference API; the bundled list shows until it answers. */
export function useAgreementTypes(): readonly CodeItem[] {
  const query = useQuery({
    queryKey: ['reference', 'agreement-types'],
    queryFn: async ({ signal }) =>
      (await api<{ items: CodeItem[] }>('/reference/agreement-types', { signal })).items,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: [...AGREEMENT_TYPES],
  });
  return query.data ?? AGREEMENT_TYPES;
}
