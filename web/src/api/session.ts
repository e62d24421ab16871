/**
 * Who is signed in: `GET /api/session` read through TanStack Query, the one source the header, the sign-in page and
 * the workspace ask. Signing in or out replaces the answer and refetches every cached read, since what the API shows
 * depends on who asks (partners' and restricted records). Each answer also hands the API client the session's CSRF
 * token, which it sends with every change.
 */
import { type QueryClient, type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, getJson, sendJson, setCsrfToken } from './client.ts';

/** The roles the API grants (src/domain/access.ts ROLES). */
export const ROLES = [
  'recipient-planner',
  'coordinator',
  'donor-officer',
  'curator',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** A grant on this organisation id holds in every organisation. */
export const EVERY_ORGANISATION = '*';

export interface Grant {
  readonly organisationId: string;
  readonly role: Role;
}

/** The API's `Session` (signedIn false, no name and no grants for a visitor). */
export interface Session {
  readonly signedIn: boolean;
  /** What events record as the actor: `person:<id>`, or `anonymous`. */
  readonly actor: string;
  readonly name: string | null;
  readonly grants: readonly Grant[];
  readonly csrfToken: string | null;
  readonly expiresAt: string | null;
}

const SESSION_KEY = ['session'] as const;

async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await getJson<Session>('/session', {}, signal);
  setCsrfToken(session.csrfToken);
  return session;
}

/** The session as the API last described it; `data` is undefined until the first answer. */
export function useSession(): UseQueryResult<Session, Error> {
  return useQuery({ queryKey: SESSION_KEY, queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000 });
}

/** The new session in the cache, then every read again: what the API shows depends on who asks. */
function replaceSession(client: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  client.setQueryData(SESSION_KEY, session);
  void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export interface Credentials {
  readonly personId: string;
  readonly password: string;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation<Session, ApiError, Credentials>({
    mutationFn: (credentials) => sendJson<Session>('POST', '/session', credentials),
    onSuccess: (session) => replaceSession(client, session),
  });
}

const VISITOR: Session = {
  signedIn: false,
  actor: 'anonymous',
  name: null,
  grants: [],
  csrfToken: null,
  expiresAt: null,
};

export function useSignOut() {
  const client = useQueryClient();
  return useMutation<void, ApiError, void>({
    mutationFn: () => sendJson<void>('DELETE', '/session'),
    onSuccess: () => replaceSession(client, VISITOR),
    onError: (error) => refreshSessionAfter(client, error),
  });
}

/**
 * After every session of the person ended (they changed their password): the browser is a visitor's now, and the API
 * is asked again to be sure.
 */
export function sessionEnded(client: QueryClient): void {
  replaceSession(client, VISITOR);
  void client.invalidateQueries({ queryKey: SESSION_KEY });
}

/**
 * After a refusal that says the browser's idea of the session is out of date (signed out elsewhere, the session
 * expired, another person signed in in another tab): ask the API again who is signed in.
 */
export function refreshSessionAfter(client: QueryClient, error: ApiError): void {
  const code = error.problem.code;
  if (code === 'sign-in-required' || code === 'csrf-token-invalid') {
    void client.invalidateQueries({ queryKey: SESSION_KEY });
  }
}
