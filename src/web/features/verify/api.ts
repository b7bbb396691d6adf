import type { VerifyReport } from '../../../contracts/signing.ts';
import { ApiError, type ApiErrorDetail } from '../../app/api.ts';

/** Where the deployment's CA certificate is served, for offline checks. */
export const CA_CERTIFICATE_URL = '/api/signing/ca.pem';

interface ErrorBody {
  error?: { code?: string; zh?: string; en?: string; details?: ApiErrorDetail[] };
}

/**
 * Sends a PDF to this server's verifier (the JSON-only `api` helper cannot post a file).
 * Errors without a server message carry empty texts: the page words them.
 */
export async function verifyPdf(file: File, lang: 'zh' | 'en', signal?: AbortSignal): Promise<VerifyReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/verify?lang=${lang}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      signal,
    });
  } catch {
    throw new ApiError(0, 'network', '', '', []);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http',
      error?.zh ?? '',
      error?.en ?? '',
      error?.details ?? [],
    );
  }
  return body as VerifyReport;
}
