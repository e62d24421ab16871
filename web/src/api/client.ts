/**
 * Talking to the API: JSON in and out, and RFC 9457 problem+json for every refusal, kept whole so a form can put
 * each error beside the field it names and translate it by its code.
 */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly field?: string;
  readonly errors?: readonly FieldProblem[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

export type QueryParams = Readonly<Record<string, string | number | boolean | undefined>>;

/** `/api/packages` + `{ currency: 'EUR' }` → `/api/packages?currency=EUR` (undefined values left out). */
function apiUrl(path: string, params: QueryParams = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

async function parse<T>(response: Response): Promise<T> {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    if (type.includes('json')) throw new ApiError((await response.json()) as Problem);
    throw new ApiError({
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: response.statusText || `HTTP ${response.status}`,
      code: response.status >= 500 ? 'internal-error' : 'request-failed',
    });
  }
  return (await response.json()) as T;
}

export async function getJson<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  return parse<T>(await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal }));
}

/** A refusal that never reached the API (offline, a dropped connection), as a problem like any other. */
function networkError(error: unknown): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: error instanceof Error ? error.message : String(error),
    code: 'network-error',
  });
}

/** A command: POST (or PATCH) a JSON body; resolves with the API's answer, rejects with an `ApiError`. */
export async function sendJson<T>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw networkError(error);
  }
  return parse<T>(response);
}
