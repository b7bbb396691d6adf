import type { z } from 'zod';
import type { CodeSent, SignatureInput, SigningView, SignResult } from '../../../contracts/signing.ts';
import { api } from '../../app/api.ts';

export type CodeSentView = z.infer<typeof CodeSent>;

/** Query key of one signing link's view. */
export const signingKey = (token: string) => ['signing', token] as const;

const base = (token: string) => `/sign/${encodeURIComponent(token)}`;

/** The PDF as it stands; the revision makes each new signature a new URL, so no cache serves an old one. */
export const documentUrl = (token: string, revision: number) =>
  `/api${base(token)}/document.pdf?revision=${revision}`;

export const fetchSigningView = (token: string, signal?: AbortSignal) =>
  api<SigningView>(base(token), { signal });

export const sendCode = (token: string) => api<CodeSentView>(`${base(token)}/code`, { method: 'POST' });

export const verifyCode = (token: string, code: string) =>
  api<SigningView>(`${base(token)}/verify`, { method: 'POST', body: { code } });

export const submitSignature = (token: string, signature: SignatureInput) =>
  api<SignResult>(`${base(token)}/sign`, { method: 'POST', body: { signature } });

export const declineSigning = (token: string, reason: string) =>
  api<SigningView>(`${base(token)}/decline`, { method: 'POST', body: { reason } });
