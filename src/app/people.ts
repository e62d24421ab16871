import { createHash, randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { z } from 'zod';
import { invalid, notFound } from '../domain/errors.ts';
import { personDecider } from '../domain/person/person.ts';
import { tokenDecider } from '../domain/person/token.ts';
import { existingStreams, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import type { addPersonSchema, grantSchema, issueTokenSchema, passwordSchema, revokeTokenSchema } from './schemas.ts';

/** Everything about people is restricted: it is never on the public portal or in a public export. */
const PEOPLE_VISIBILITY = () => 'restricted' as const;

/** `Algorithm.Argon2id`: the library declares it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum), about 50 ms here. */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

/** SHA-256 of a high-entropy secret (a token's or a session's): enough, since it cannot be guessed. */
export const digestSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** 256 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Adds a person who can sign in with the password; the ledger records who they are, not the password. */
export async function addPerson(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof addPersonSchema>,
): Promise<CommandResult> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  return runCommand(
    deps,
    request,
    {},
    {
      decider: personDecider,
      id: input.id,
      command: () => ({ type: 'AddPerson' as const, id: input.id, name: input.name }),
      visibility: PEOPLE_VISIBILITY,
      alongside: async (tx) => {
        await tx
          .insertInto('auth_passwords')
          .values({ person_id: input.id, password_hash: passwordHash, updated_at: now })
          .execute();
      },
    },
    { id: input.id, name: input.name },
  );
}

export function grantRole(
  deps: AppDeps,
  request: RequestContext,
  personId: string,
  input: z.infer<typeof grantSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    {},
    {
      decider: personDecider,
      id: personId,
      command: async (_state, tx) => ({
        type: 'GrantRole' as const,
        ...input,
        organisationKnown: (await existingStreams(tx, 'organisation', [input.organisationId])).size === 1,
      }),
      visibility: PEOPLE_VISIBILITY,
    },
    { personId, ...input },
  );
}

/** Revokes a role; the person's sessions end with it, so that nothing signed in keeps a role it no longer has. */
export function revokeRole(
  deps: AppDeps,
  request: RequestContext,
  personId: string,
  input: z.infer<typeof grantSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    {},
    {
      decider: personDecider,
      id: personId,
      command: () => ({ type: 'RevokeRole' as const, ...input }),
      visibility: PEOPLE_VISIBILITY,
      alongside: async (tx) => {
        await tx.deleteFrom('auth_sessions').where('person_id', '=', personId).execute();
      },
    },
    { personId, revoke: input },
  );
}

/**
 * Sets a person's password (the person themself, or an administrator). Not a ledger event: the ledger never holds
 * anything derived from a password. Every session of theirs ends.
 */
export async function setPassword(
  deps: AppDeps,
  personId: string,
  input: z.infer<typeof passwordSchema>,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('auth_passwords')
      .set({ password_hash: passwordHash, updated_at: deps.clock() })
      .where('person_id', '=', personId)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw notFound('person-unknown', `no person "${personId}"`);
    await tx.deleteFrom('auth_sessions').where('person_id', '=', personId).execute();
  });
}

/** A token as its holder sends it: `trn_<id>.<secret>`. Shown once; only the secret's digest is kept. */
export interface IssuedToken {
  readonly result: CommandResult;
  readonly token: string;
}

const TOKEN = /^trn_([a-z0-9][a-z0-9._:-]{0,99})\.([A-Za-z0-9_-]{43})$/;

/** The id and the secret of a token as sent, or undefined when it is not shaped like one. */
export function parseToken(value: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(value);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : undefined;
}

export async function issueToken(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof issueTokenSchema>,
): Promise<IssuedToken> {
  const id = deps.newId('tok');
  const secret = newSecret();
  const today = deps.clock().toISOString().slice(0, 10);
  if (input.expiresOn !== undefined && input.expiresOn !== null && input.expiresOn <= today) {
    throw invalid('expiry-not-in-future', 'expiresOn', `${input.expiresOn} is not after today (${today})`);
  }
  const result = await runCommand(
    deps,
    request,
    {},
    {
      decider: tokenDecider,
      id,
      command: async (_state, tx) => ({
        type: 'IssueToken' as const,
        id,
        organisationId: input.organisationId,
        organisationKnown: (await existingStreams(tx, 'organisation', [input.organisationId])).size === 1,
        role: input.role,
        label: input.label,
        expiresOn: input.expiresOn ?? null,
        today,
      }),
      visibility: PEOPLE_VISIBILITY,
      alongside: async (tx) => {
        await tx
          .insertInto('auth_token_secrets')
          .values({ token_id: id, secret_hash: digestSecret(secret) })
          .execute();
      },
    },
    input,
  );
  return { result, token: `trn_${id}.${secret}` };
}

export function revokeToken(
  deps: AppDeps,
  request: RequestContext,
  tokenId: string,
  input: z.infer<typeof revokeTokenSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    {},
    {
      decider: tokenDecider,
      id: tokenId,
      command: () => ({ type: 'RevokeToken' as const, reason: input.reason ?? null }),
      visibility: PEOPLE_VISIBILITY,
      alongside: async (tx) => {
        await tx.deleteFrom('auth_token_secrets').where('token_id', '=', tokenId).execute();
      },
    },
    { tokenId, ...input },
  );
}
