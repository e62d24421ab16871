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
  if (response.status === 204) return undefined as T;
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

/**
 * The signed-in browser's CSRF token, as the API last gave it (GET or POST /api/session); null for a visitor. The
 * session cookie is HttpOnly, so a script never sees it: the API takes a change from a cookie-authenticated browser
 * only with this token beside it, which a forged cross-site form cannot send. Only web/src/api/session.ts sets it.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * A change: POST, PUT, PATCH or DELETE with a JSON body (none for DELETE), carrying the session's CSRF token when
 * someone is signed in; resolves with the API's answer (undefined for 204), rejects with an `ApiError`.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw networkError(error);
  }
  return parse<T>(response);
}
