import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mapDatabaseError } from '../../db/errors.ts';
import { DomainError, type DomainErrorKind } from '../../domain/errors.ts';

/**
 * RFC 9457 problem details: every error the API answers with, whatever raised it. Domain code only knows error
 * codes and kinds; this is the one place they become HTTP statuses.
 */
const PROBLEM_TYPE_BASE = 'https://tranche.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const fieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const problemSchema = z
  .object({
    type: z.string().describe(`${PROBLEM_TYPE_BASE}<code>`),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('stable kebab-case error code; clients translate by it'),
    field: z.string().optional().describe('the input at fault, e.g. `targetValue.amount` or `lines[0].quantity`'),
    instance: z.string().describe('the request path'),
    errors: z.array(fieldError).optional().describe('every problem found in the request, for validation errors'),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
type FieldError = z.infer<typeof fieldError>;

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  rule: 422,
  'not-found': 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
};
/** Codes whose status the kind does not decide (the IETF Idempotency-Key draft answers a reused key with 422). */
const STATUS_OF_CODE: Readonly<Record<string, number>> = { 'idempotency-key-reused': 422 };

/** Fastify's own refusals, by Fastify error code. */
const FASTIFY_ERRORS: Readonly<Record<string, { status: number; code: string }>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'body-not-json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'body-not-json' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'media-type-unsupported' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'content-length-mismatch' },
  FST_ERR_VALIDATION: { status: 400, code: 'request-invalid' },
  FST_ERR_BAD_URL: { status: 400, code: 'url-invalid' },
};

/** Titles that the code, read as words, would get wrong. */
const TITLES: Readonly<Record<string, string>> = {
  'body-not-json': 'Body is not JSON',
  'request-invalid': 'Request is not valid',
  'route-unknown': 'No such route',
  'internal-error': 'Internal error',
};
const titleOf = (code: string): string =>
  TITLES[code] ?? `${code.charAt(0).toUpperCase()}${code.slice(1).replaceAll('-', ' ')}`;

/** A problem document for this request. */
function problem(
  request: FastifyRequest,
  status: number,
  code: string,
  detail: string,
  extra: Partial<Pick<Problem, 'field' | 'errors' | 'requestId'>> = {},
): Problem {
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: titleOf(code),
    status,
    detail,
    code,
    ...(extra.field ? { field: extra.field } : {}),
    instance: request.url.split('?')[0] ?? request.url,
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.requestId ? { requestId: extra.requestId } : {}),
  };
}

/** Sends a problem, bypassing the route's response schemas (a problem is never a read model). */
function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply
    .code(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .serializer((payload: unknown) => JSON.stringify(payload))
    .send(body);
}

/** `/lines/0/quantity` → `lines[0].quantity`, the way domain errors name fields. */
function fieldPath(segments: readonly string[]): string {
  return segments.reduce((path, segment) => {
    if (/^\d+$/.test(segment)) return `${path}[${segment}]`;
    return path === '' ? segment : `${path}.${segment}`;
  }, '');
}

interface ValidationIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string | undefined;
  readonly params: Record<string, unknown>;
}

/** One entry per zod issue; an unknown field is named itself, not by the object that holds it. */
function fieldErrors(issues: readonly ValidationIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.instancePath.split('/').filter((segment) => segment !== '');
    const message = issue.message ?? 'invalid';
    const keys = issue.params.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({
        field: fieldPath([...base, String(key)]),
        code: 'field-unknown',
        message: `unknown field "${String(key)}"`,
      }));
    }
    if (issue.keyword === 'invalid_type' && message.endsWith('received undefined')) {
      const expected = typeof issue.params.expected === 'string' ? ` (${issue.params.expected})` : '';
      return [{ field: fieldPath(base), code: 'field-required', message: `required${expected}` }];
    }
    return [{ field: fieldPath(base), code: issue.keyword.replaceAll('_', '-'), message }];
  });
}

function validationProblem(
  request: FastifyRequest,
  issues: readonly ValidationIssue[],
  context: string | undefined,
): Problem {
  const errors = fieldErrors(issues);
  const first = errors[0];
  const where = context === 'querystring' ? 'query string' : (context ?? 'request');
  const detail = first
    ? `${where}: ${first.field === '' ? '' : `${first.field}: `}${first.message}`
    : `the ${where} is not valid`;
  return problem(request, 400, 'request-invalid', detail, { ...(first?.field ? { field: first.field } : {}), errors });
}

function toProblem(error: FastifyError, request: FastifyRequest): Problem {
  // A read's database error is mapped here as runCommand maps a command's (the SQLSTATEs: db/errors.ts).
  const domain = mapDatabaseError(error);
  if (domain instanceof DomainError) {
    const status = STATUS_OF_CODE[domain.code] ?? STATUS_OF_KIND[domain.kind];
    return problem(request, status, domain.code, domain.message, domain.field ? { field: domain.field } : {});
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return validationProblem(request, error.validation, error.validationContext);
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known) return problem(request, known.status, known.code, error.message);
  const status = error.statusCode ?? 500;
  if (status === 429) return problem(request, 429, 'too-many-requests', error.message);
  if (status >= 400 && status < 500) return problem(request, status, 'request-refused', error.message);
  return problem(request, 500, 'internal-error', 'something went wrong on our side; it has been logged', {
    requestId: String(request.id),
  });
}

/** The error handler; also Fastify's `frameworkErrors` (a malformed URL fails before any route is found). */
export function replyWithProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = toProblem(error, request);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, status: body.status }, 'request refused');
  return sendProblem(reply, body);
}

/**
 * Installs the error and not-found handlers, and a JSON body parser that also takes an empty body (a client that
 * always sends `Content-Type: application/json`), so every refusal is problem+json.
 */
export function installProblemHandling(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.setErrorHandler(replyWithProblem);

  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      problem(request, 404, 'route-unknown', `no route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}
