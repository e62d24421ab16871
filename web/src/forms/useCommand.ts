/**
 * Sending a command from a form: the request as JSON (the API client adds the session's CSRF token), the API's
 * answer, and a refusal kept whole (an `ApiError` with its RFC 9457 problem) so the form can put each error beside
 * its field.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError, sendJson } from '../api/client.ts';
import { refreshSessionAfter } from '../api/session.ts';

/** What the API answers a command with (POST /api/…, the `CommandResult` of the OpenAPI document). */
export interface CommandResult {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  /** The id of the shipment, receipt or payment the command created. */
  readonly created?: string;
  readonly events: readonly { readonly eventId: string; readonly seq: number; readonly type: string }[];
}

export interface CommandRequest {
  readonly method: 'POST' | 'PUT' | 'PATCH';
  /** Under /api: `/contributions`, `/packages/purl-nl-2/validate`. */
  readonly path: string;
  readonly body: object;
}

/** How a command went; `Answer` is what the API answers it with (a `CommandResult` for most commands). */
export type CommandState<Answer = CommandResult> =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'done'; readonly result: Answer; readonly request: CommandRequest }
  | { readonly status: 'failed'; readonly error: ApiError };

export function useCommand<Answer = CommandResult>(): CommandState<Answer> & {
  run: (request: CommandRequest) => Promise<CommandState<Answer>>;
} {
  const client = useQueryClient();
  const [state, setState] = useState<CommandState<Answer>>({ status: 'idle' });
  const run = useCallback(
    async (request: CommandRequest): Promise<CommandState<Answer>> => {
      setState({ status: 'pending' });
      let next: CommandState<Answer>;
      try {
        const result = await sendJson<Answer>(request.method, request.path, request.body);
        next = { status: 'done', result, request };
        // The live stream refetches every read too; this makes the form's own lists current at once.
        void client.invalidateQueries();
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        refreshSessionAfter(client, error);
        next = { status: 'failed', error };
      }
      setState(next);
      return next;
    },
    [client],
  );
  return { ...state, run };
}
