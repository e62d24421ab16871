/**
 * People, their roles, machines' tokens and the audit view, as the API answers them (`GET /api/people`,
 * `/api/tokens`, `/api/audit`; administrators and auditors read them). Secrets never arrive here, except a new
 * token's, once, in the answer that issues it.
 */
import type { Grant } from './session.ts';

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly addedAt: string;
  readonly grants: readonly Grant[];
}

export interface Token {
  readonly id: string;
  readonly organisationId: string;
  readonly role: Grant['role'];
  readonly label: string;
  /** The actor who issued it: `person:<id>`, or the operator. */
  readonly issuedBy: string;
  readonly issuedAt: string;
  /** The last day it works; null: until revoked. */
  readonly expiresOn: string | null;
  readonly revokedAt: string | null;
}

/** `POST /api/tokens`: the token as its holder sends it (`trn_<id>.<secret>`), shown this once. */
export interface IssuedToken {
  readonly token: string;
  readonly result: { readonly id: string };
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

/** Whether a token works on `today` (YYYY-MM-DD): revoked, expired after its last day, or active. */
export function tokenStatus(token: Pick<Token, 'expiresOn' | 'revokedAt'>, today: string): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  if (token.expiresOn !== null && token.expiresOn < today) return 'expired';
  return 'active';
}

/** One event of the ledger in the audit view: who recorded what, when, on which record. */
export interface AuditEntry {
  readonly seq: number;
  readonly recordedAt: string;
  readonly occurredOn: string | null;
  /** `person:<id>`, `token:<id>`, or the operator who ran the command line. */
  readonly actor: string;
  readonly type: string;
  readonly streamId: string;
  readonly visibility: string;
}
