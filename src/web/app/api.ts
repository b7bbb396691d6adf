// The one way the web app talks to the server: JSON in, JSON out, the server's bilingual errors kept whole.

export interface ApiErrorDetail {
  code: string;
  zh: string;
  en: string;
  field?: string;
  row?: number;
  column?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details: ApiErrorDetail[],
  ) {
    super(en);
  }
}

interface ErrorBody {
  error?: { code?: string; zh?: string; en?: string; details?: ApiErrorDetail[] };
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器', 'Cannot reach the server', []);
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'http',
      error?.zh ?? `请求失败（${response.status}）`,
      error?.en ?? `Request failed (${response.status})`,
      error?.details ?? [],
    );
  }
  return body as T;
}

/** Builds a query string from the defined values only. */
export function queryString(values: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The message of a failed request in the current language (an ApiError carries both), else `fallback`. */
export function errorText(
  error: unknown,
  pick: (zh: string, en: string) => string,
  fallback: string,
): string {
  return error instanceof ApiError ? pick(error.zh, error.en) : fallback;
}
