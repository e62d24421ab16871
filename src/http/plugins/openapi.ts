import swagger, { type SwaggerTransformObject } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { PROBLEM_CONTENT_TYPE, problemSchema } from './problem.ts';

const TAGS = [
  { name: 'organisations', description: 'States, coordinating commands, suppliers, coalitions' },
  { name: 'requirements', description: "The recipient's needs and how far packages cover them" },
  { name: 'priority lists', description: 'Monthly ranked requirements, approved by the parties' },
  { name: 'packages', description: 'Tranches from proposal to delivery' },
  { name: 'contributions', description: "Donors' money: pledged, committed, paid" },
  { name: 'sources', description: 'Articles and statements behind the figures' },
  { name: 'claims and figures', description: 'Facts sources state, and the figures curators adopt' },
  { name: 'overview', description: 'Totals for dashboards and charts' },
  {
    name: 'trackers',
    description: "Imported trackers' flows (Kiel, FTS) summed by donor and month: beside the pipeline, never in it",
  },
  { name: 'ledger', description: 'The append-only, hash-chained event store' },
  {
    name: 'imports',
    description: 'Tracker data (Kiel Ukraine Support Tracker) onto the ledger: dry run, all or nothing',
  },
  { name: 'exports', description: 'The read models as CSV, JSON or XLSX downloads, each as of one ledger head' },
  { name: 'meta', description: 'Health and this document' },
];

const DESCRIPTION = [
  'Tracks assistance packages from requirement to delivery on an append-only, hash-chained ledger.',
  '',
  "Commands are POST (or PATCH) requests that answer with the record's new `version`. Send `Idempotency-Key` to make",
  'a retry safe, and `If-Match: "<version>"` (or `expectedVersion` in the body) to refuse a stale write with 409.',
  `Every error is \`${PROBLEM_CONTENT_TYPE}\` (RFC 9457) with a stable \`code\` and, when one input is to blame, its \`field\`.`,
].join('\n');

/**
 * The OpenAPI 3.1 document, generated from the zod schemas of the routes, at /api/openapi.json, and a reference page
 * at /api/docs. Register before the routes: it collects them as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tranche API', version, description: DESCRIPTION },
      tags: TAGS,
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => withoutUnusedInputs(jsonSchemaTransformObject(document)),
  });
  // Swagger UI's page runs an inline script: staticCSP gives its own pages a policy with that script's hash.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Every documented route may answer with a problem.
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (!schema || (schema as { hide?: boolean }).hide) return;
    const response = (schema.response ?? {}) as Record<string, unknown>;
    schema.response = {
      ...response,
      default: { description: 'a problem (RFC 9457)', content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } },
    };
  });

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { summary: 'This API described in OpenAPI 3.1', tags: ['meta'] } },
    () => app.swagger(),
  );
}

type OpenApiDocument = ReturnType<SwaggerTransformObject>;

/**
 * The zod registry yields an `…Input` and an output component for every named schema; named schemas here describe
 * responses, so the input twins are dropped unless something refers to them.
 */
function withoutUnusedInputs(document: OpenApiDocument): OpenApiDocument {
  if (!('components' in document) || !document.components?.schemas) return document;
  const schemas: Record<string, unknown> = { ...document.components.schemas };
  let dropped = true;
  while (dropped) {
    dropped = false;
    const text = JSON.stringify({ ...document, components: { ...document.components, schemas } });
    for (const name of Object.keys(schemas)) {
      if (name.endsWith('Input') && !text.includes(`"#/components/schemas/${name}"`)) {
        delete schemas[name];
        dropped = true;
      }
    }
  }
  return { ...document, components: { ...document.components, schemas } } as OpenApiDocument;
}
