import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RequestContext } from '../app/deps.ts';

/** The RequestContext every command runs with: who is asking (plugins/auth.ts) and the Idempotency-Key, if any. */
export function requestContext(request: FastifyRequest): RequestContext {
  const idempotencyKey = firstHeader(request.headers, 'idempotency-key');
  return { principal: request.principal, ...(idempotencyKey ? { idempotencyKey } : {}) };
}

const IF_MATCH = /^"(\d{1,15})"$/;

/** The headers a command reads; other headers pass through untouched. */
export const commandHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('a retried command with the same key applies once and answers with the first result'),
  'if-match': z
    .string()
    .regex(IF_MATCH, 'a version in quotes, e.g. "3"')
    .optional()
    .describe('the version you last read, e.g. "3"; a stale one is a 409 (the body\'s expectedVersion wins)'),
});

/** The command's input with `If-Match: "<version>"` as its expectedVersion, unless the body names one. */
export function withExpectedVersion<T extends { expectedVersion?: number | undefined }>(
  body: T,
  headers: IncomingHttpHeaders,
): T {
  if (body.expectedVersion !== undefined) return body;
  const match = IF_MATCH.exec(firstHeader(headers, 'if-match') ?? '');
  return match ? { ...body, expectedVersion: Number(match[1]) } : body;
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
