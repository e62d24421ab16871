import { timingSafeEqual } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { Db } from '../db/index.ts';
import { type Grant, type Principal, ROLES } from '../domain/access.ts';
import { unauthenticated } from '../domain/errors.ts';
import type { AppDeps } from './deps.ts';
import { digestSecret, hashPassword, newSecret, parseToken, setPassword } from './people.ts';

/** How long a browser session lasts from sign-in; signing out or a revoked role ends it sooner. */
const SESSION_HOURS = 12;

/** A signed-in browser: the cookie's value (shown to the browser only) and the CSRF token its requests echo. */
export interface Session {
  readonly sessionId: string;
  readonly personId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly principal: Principal;
  readonly name: string;
}

const SIGN_IN_FAILED = () => unauthenticated('sign-in-failed', 'the name or the password is wrong');

/** A hash to verify against when the person does not exist, so that a wrong name takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
const decoy = () => {
  decoyHash ??= hashPassword(newSecret());
  return decoyHash;
};

/** Checks the password and opens a session. Says only that the name or password is wrong, never which. */
export async function signIn(deps: AppDeps, personId: string, password: string): Promise<Session> {
  const row = await deps.db
    .selectFrom('auth_passwords')
    .select('password_hash')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const matches = await verify(row?.password_hash ?? (await decoy()), password).catch(() => false);
  if (!row || !matches) throw SIGN_IN_FAILED();
  const person = await personPrincipal(deps.db, personId);
  if (!person) throw SIGN_IN_FAILED();
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const now = deps.clock();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await deps.db
    .insertInto('auth_sessions')
    .values({
      id_hash: digestSecret(sessionId),
      person_id: personId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { sessionId, personId, csrfToken, expiresAt, ...person };
}

/** The session a cookie names, if it is open and unexpired. */
export async function sessionOf(deps: AppDeps, sessionId: string): Promise<Session | undefined> {
  const row = await deps.db
    .selectFrom('auth_sessions')
    .select(['person_id', 'csrf_token', 'expires_at'])
    .where('id_hash', '=', digestSecret(sessionId))
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= deps.clock().getTime()) return undefined;
  const person = await personPrincipal(deps.db, row.person_id);
  if (!person) return undefined;
  return {
    sessionId,
    personId: row.person_id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    ...person,
  };
}

/**
 * A signed-in person changes their own password, proving they know the current one. Every session of theirs ends,
 * this one included: anyone who had their password is signed out with them.
 */
export async function changeOwnPassword(
  deps: AppDeps,
  personId: string,
  currentPassword: string,
  newPassword: string,
): Promise<void> {
  const row = await deps.db
    .selectFrom('auth_passwords')
    .select('password_hash')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const matches = row ? await verify(row.password_hash, currentPassword).catch(() => false) : false;
  if (!matches) throw unauthenticated('password-wrong', 'the current password is wrong');
  await setPassword(deps, personId, { password: newPassword });
}

export async function signOut(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db.deleteFrom('auth_sessions').where('id_hash', '=', digestSecret(sessionId)).execute();
  await deps.db.deleteFrom('auth_sessions').where('expires_at', '<=', deps.clock()).execute();
}

/**
 * The principal a bearer token stands for: its one role in its one organisation, while it is neither revoked nor
 * expired. The secret's digest is compared in constant time.
 */
export async function tokenPrincipal(deps: AppDeps, bearer: string): Promise<Principal> {
  const parsed = parseToken(bearer);
  if (!parsed) throw unauthenticated('token-invalid', 'the token is not one Tranche issued');
  const row = await deps.db
    .selectFrom('rm_tokens')
    .innerJoin('auth_token_secrets', 'auth_token_secrets.token_id', 'rm_tokens.id')
    .select(['organisation_id', 'role', 'expires_on', 'revoked_at', 'secret_hash'])
    .where('rm_tokens.id', '=', parsed.id)
    .executeTakeFirst();
  const expected = Buffer.from(row?.secret_hash ?? digestSecret(''), 'hex');
  const given = Buffer.from(digestSecret(parsed.secret), 'hex');
  const today = deps.clock().toISOString().slice(0, 10);
  const role = ROLES.find((candidate) => candidate === row?.role);
  if (!row || !timingSafeEqual(expected, given) || row.revoked_at !== null || !role) {
    throw unauthenticated('token-invalid', 'the token is not valid, or was revoked');
  }
  if (row.expires_on !== null && row.expires_on < today) {
    throw unauthenticated('token-expired', `the token expired on ${row.expires_on}`);
  }
  return { kind: 'token', actor: `token:${parsed.id}`, grants: [{ organisationId: row.organisation_id, role }] };
}

/** A person's principal and name, from the read models of the ledger's person stream. */
async function personPrincipal(db: Db, personId: string): Promise<{ principal: Principal; name: string } | undefined> {
  const person = await db.selectFrom('rm_people').select('name').where('id', '=', personId).executeTakeFirst();
  if (!person) return undefined;
  const rows = await db
    .selectFrom('rm_person_grants')
    .select(['organisation_id', 'role'])
    .where('person_id', '=', personId)
    .orderBy('organisation_id')
    .orderBy('role')
    .execute();
  const grants: Grant[] = rows.flatMap((row) => {
    const role = ROLES.find((candidate) => candidate === row.role);
    return role ? [{ organisationId: row.organisation_id, role }] : [];
  });
  return { principal: { kind: 'user', actor: `person:${personId}`, grants }, name: person.name };
}

/** Whether anyone can sign in yet; the first start says how to add the first administrator when no one can. */
export async function hasPeople(db: Db): Promise<boolean> {
  return (await db.selectFrom('rm_people').select('id').limit(1).executeTakeFirst()) !== undefined;
}
