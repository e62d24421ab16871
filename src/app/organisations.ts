import type { z } from 'zod';
import { organisationDecider } from '../domain/organisation/organisation.ts';
import { existingStreams, recordVisibility, runCommand } from './command.ts';
import type { AppDeps, CommandResult, RequestContext } from './deps.ts';
import type { amendOrganisationSchema, registerOrganisationSchema } from './schemas.ts';

export function registerOrganisation(
  deps: AppDeps,
  request: RequestContext,
  input: z.infer<typeof registerOrganisationSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: organisationDecider,
      id: input.id,
      command: async (_state, tx) => ({
        type: 'RegisterOrganisation' as const,
        id: input.id,
        kind: input.kind,
        names: input.names,
        iso3166: input.iso3166 ?? null,
        members: input.members ?? [],
        visibility: input.visibility ?? 'public',
        knownMembers: await existingStreams(tx, 'organisation', input.members ?? []),
      }),
      visibility: recordVisibility(input.visibility),
    },
    input,
  );
}

export function amendOrganisation(
  deps: AppDeps,
  request: RequestContext,
  id: string,
  input: z.infer<typeof amendOrganisationSchema>,
): Promise<CommandResult> {
  return runCommand(
    deps,
    request,
    input,
    {
      decider: organisationDecider,
      id,
      command: async (_state, tx) => ({
        type: 'AmendOrganisation' as const,
        ...(input.names ? { names: input.names } : {}),
        ...(input.members ? { members: input.members } : {}),
        ...(input.iso3166 !== undefined ? { iso3166: input.iso3166 } : {}),
        knownMembers: await existingStreams(tx, 'organisation', input.members ?? []),
      }),
      visibility: recordVisibility(),
    },
    { id, ...input },
  );
}
