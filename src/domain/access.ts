import type { Visibility } from './facts.ts';

/** What a person (or a machine's token) may do for an organisation. */
export const ROLES = [
  'recipient-planner',
  'coordinator',
  'donor-officer',
  'curator',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** A grant on this organisation id holds in every organisation (the instance's administrators and auditors). */
export const EVERY_ORGANISATION = '*';

/** One role held in one organisation (or in every one). */
export interface Grant {
  readonly organisationId: string;
  readonly role: Role;
}

/**
 * Who is asking, once authenticated: the name events record as their actor and the grants that decide what they may
 * do. `operator` is whoever runs the CLI on the server's own database (or a use case acting on an already permitted
 * request, such as an import's rows): they hold the data folder, so no rule applies to them.
 */
export interface Principal {
  readonly kind: 'anonymous' | 'user' | 'token' | 'operator';
  readonly actor: string;
  readonly grants: readonly Grant[];
}

export const ANONYMOUS: Principal = { kind: 'anonymous', actor: 'anonymous', grants: [] };

export const operator = (actor: string): Principal => ({ kind: 'operator', actor, grants: [] });

/**
 * `own`: the role counts only in the organisation the command acts for (the donor of a contribution, the coordinator
 * of a package, the recipient of a requirement); `any`: the role counts in whichever organisation it is held.
 */
export type Scope = 'own' | 'any';

/**
 * The permission map: every action anyone can take, and which roles may take it. Commands are named as the domain
 * names them; the rest are the actions around the ledger (people, imports, the audit log). Auditors change nothing.
 */
export const PERMISSIONS = {
  RegisterOrganisation: { administrator: 'any', coordinator: 'any' },
  AmendOrganisation: { administrator: 'any', coordinator: 'any' },

  ListRequirement: { 'recipient-planner': 'own' },
  AmendRequirement: { 'recipient-planner': 'own' },
  ReprioritiseRequirement: { 'recipient-planner': 'own' },
  WithdrawRequirement: { 'recipient-planner': 'own' },
  DraftPriorityList: { 'recipient-planner': 'own' },
  ApprovePriorityList: { 'recipient-planner': 'own', coordinator: 'own' },

  ProposePackage: { coordinator: 'own' },
  ValidatePackage: { coordinator: 'own' },
  FundPackage: { coordinator: 'own' },
  ContractPackage: { coordinator: 'own' },
  DispatchShipment: { coordinator: 'own' },
  ConfirmReceipt: { 'recipient-planner': 'own' },
  ClosePackage: { coordinator: 'own' },
  CancelPackage: { coordinator: 'own' },

  PledgeContribution: { 'donor-officer': 'own' },
  CommitContribution: { 'donor-officer': 'own' },
  PayContribution: { 'donor-officer': 'own' },
  AmendContribution: { 'donor-officer': 'own' },
  WithdrawContribution: { 'donor-officer': 'own' },

  RecordSource: { curator: 'any' },
  RejectProposal: { curator: 'any' },
  RecordClaim: { curator: 'any' },
  LinkClaim: { curator: 'any' },
  AdoptClaim: { curator: 'any' },
  AdoptRange: { curator: 'any' },

  RunImport: { administrator: 'any', curator: 'any' },
  ReadAudit: { auditor: 'any', administrator: 'any' },

  AddPerson: { administrator: 'any' },
  GrantRole: { administrator: 'own' },
  RevokeRole: { administrator: 'own' },
  IssueToken: { administrator: 'own' },
  RevokeToken: { administrator: 'own' },
  ReadPeople: { administrator: 'any', auditor: 'any' },
} as const satisfies Record<string, Partial<Record<Role, Scope>>>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export const isAction = (value: string): value is Action => Object.hasOwn(PERMISSIONS, value);

/**
 * Whether the principal may take the action for the organisation (`null` when the action names none). With
 * `organisationId` undefined it answers whether the principal may take the action for some organisation: the
 * question a route asks before the use case knows which one.
 */
export function permits(principal: Principal, action: Action, organisationId?: string | null): boolean {
  if (principal.kind === 'operator') return true;
  const roles: Partial<Record<Role, Scope>> = PERMISSIONS[action];
  return principal.grants.some((grant) => {
    const scope = roles[grant.role];
    if (scope === undefined) return false;
    if (scope === 'any' || organisationId === undefined) return true;
    return grant.organisationId === EVERY_ORGANISATION || grant.organisationId === organisationId;
  });
}

/**
 * What a principal may read. `all`: every record (operators, auditors, the instance's administrators). Otherwise
 * public records, partners' records once signed in for any organisation, and restricted records of the
 * organisations the principal holds a role in.
 */
export interface ReadScope {
  readonly all: boolean;
  readonly partner: boolean;
  readonly organisations: readonly string[];
}

export const PUBLIC_SCOPE: ReadScope = { all: false, partner: false, organisations: [] };
export const FULL_SCOPE: ReadScope = { all: true, partner: true, organisations: [] };

export function readScopeOf(principal: Principal): ReadScope {
  if (principal.kind === 'operator') return FULL_SCOPE;
  const readsAll = principal.grants.some(
    (grant) =>
      grant.role === 'auditor' || (grant.role === 'administrator' && grant.organisationId === EVERY_ORGANISATION),
  );
  if (readsAll) return FULL_SCOPE;
  if (principal.grants.length === 0) return PUBLIC_SCOPE;
  return {
    all: false,
    partner: true,
    organisations: [...new Set(principal.grants.map((grant) => grant.organisationId))],
  };
}

/** Whether a record with this visibility, involving these organisations, may be read. */
export function mayRead(scope: ReadScope, visibility: Visibility, parties: readonly (string | null)[]): boolean {
  if (scope.all || visibility === 'public') return true;
  if (visibility === 'partners') return scope.partner;
  return parties.some((party) => party !== null && scope.organisations.includes(party));
}

/**
 * The visibilities that aggregates (totals, charts, counts) are computed from for this reader. Aggregates never mix
 * in restricted records unless the reader sees everything: a partial sum of one party's restricted records would be
 * a figure no one else can check.
 */
export function aggregateVisibilities(scope: ReadScope): readonly Visibility[] {
  if (scope.all) return ['public', 'partners', 'restricted'];
  return scope.partner ? ['public', 'partners'] : ['public'];
}
