import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runImport } from '../../../app/imports/engine.ts';
import { IMPORT_FORMATS, importFormat } from '../../../app/imports/formats.ts';
import { VISIBILITIES } from '../../../domain/facts.ts';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../../plugins/problem.ts';
import { requestContext } from '../../request-context.ts';
import type { RouteDeps } from '../shared.ts';
import { iatiImportRoute } from './iati.ts';
import { fileNameQuery, uploadedFile } from './upload.ts';

/** Uploads are files of many rows: up to 500 MB, streamed to a temporary file, never held in memory. */
const UPLOAD_LIMIT = 500 * 2 ** 20;

const rowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() });
const importReportSchema = z
  .object({
    importId: z.string(),
    file: z.string(),
    dryRun: z.boolean(),
    alreadyImported: z.boolean(),
    resumedBatches: z.number().int(),
    rowsRead: z.number().int(),
    flows: z.number().int(),
    existingFlows: z.number().int(),
    amendedFlows: z
      .number()
      .int()
      .describe('flows of rows that replace what an earlier import recorded for them (a later status or amount)'),
    newOrganisations: z.array(z.string()).readonly(),
    errors: z.array(rowErrorSchema).readonly(),
    errorCount: z.number().int(),
    written: z.boolean(),
    refused: z.boolean(),
  })
  .meta({ id: 'ImportReport' });

const rowsRefusedSchema = problemSchema
  .extend({ rowErrors: z.array(rowErrorSchema).readonly().describe('the refused rows (the first 1,000)') })
  .meta({ id: 'ImportRowsRefused' });

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

export const importRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  // IATI (XML, through the use cases) has its own route; the static path takes precedence over `:format`.
  await app.register(iatiImportRoute, { deps });
  // The file as it is (text/csv, or text/plain), handed over as a stream: the route writes it to a temporary file.
  await app.register(async (scope) => {
    for (const type of ['text/csv', 'text/plain', 'application/octet-stream']) {
      scope.addContentTypeParser(type, { bodyLimit: UPLOAD_LIMIT }, (_request, payload, done) => done(null, payload));
    }
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/imports/:format',
      {
        config: { access: 'RunImport' },
        bodyLimit: UPLOAD_LIMIT,
        schema: {
          summary:
            'Import tracker data (the file itself as the body): Kiel Ukraine Support Tracker data_explorer.csv, ' +
            'OCHA FTS incoming funding flows',
          description:
            'All or nothing unless skipInvalid=true: refused rows are listed with their line, column and reason ' +
            '(422, nothing written). dryRun=true reads and checks everything and writes nothing. The same file ' +
            'imported again creates nothing (alreadyImported).',
          tags: ['imports'],
          params: z.strictObject({ format: z.enum(IMPORT_FORMATS) }),
          querystring: z.strictObject({
            dryRun: flag,
            skipInvalid: flag,
            fileName: fileNameQuery.describe('the name the origin of each row records'),
            visibility: z.enum(VISIBILITIES).default('public'),
          }),
          consumes: ['text/csv', 'text/plain'],
          response: { 200: importReportSchema, 201: importReportSchema, 422: rowsRefusedSchema },
        },
      },
      async (request, reply) => {
        const upload = uploadedFile(request);
        const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-upload-'));
        try {
          const name = path.basename(request.query.fileName ?? `${request.params.format}.csv`);
          const file = path.join(dir, name);
          await pipeline(upload, createWriteStream(file));
          const format = await importFormat(deps.db, request.params.format, file);
          const report = await runImport(deps, requestContext(request), format, file, {
            dryRun: request.query.dryRun,
            skipInvalid: request.query.skipInvalid,
            visibility: request.query.visibility,
          });
          if (report.refused) {
            return reply
              .code(422)
              .type(PROBLEM_CONTENT_TYPE)
              .send({
                type: 'https://tranche.dev/problems/import-rows-refused',
                instance: request.url,
                title: 'Rows refused',
                status: 422,
                code: 'import-rows-refused',
                detail: `${report.errorCount} rows refused: nothing was imported (fix them, or send skipInvalid=true)`,
                field: 'body',
                rowErrors: report.errors,
              });
          }
          return reply.code(report.written ? 201 : 200).send(report);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });
};
