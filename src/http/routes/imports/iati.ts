import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importIati } from '../../../app/imports/iati.ts';
import { VISIBILITIES } from '../../../domain/facts.ts';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '../../plugins/problem.ts';
import { requestContext } from '../../request-context.ts';
import type { RouteDeps } from '../shared.ts';
import { fileNameQuery, uploadedFile } from './upload.ts';

/** IATI files are smaller than tracker dumps, but a publisher's file of thousands of activities is large: 200 MB. */
const UPLOAD_LIMIT = 200 * 2 ** 20;
const XML_TYPES = ['application/xml', 'text/xml'];

const rowErrorSchema = z.object({ row: z.number().int(), column: z.string().nullable(), reason: z.string() });
const iatiImportReportSchema = z
  .object({
    importId: z.string(),
    file: z.string(),
    dryRun: z.boolean(),
    alreadyImported: z.boolean(),
    rowsRead: z.number().int().describe('activities read, the refused ones included'),
    packages: z.array(z.string()).readonly(),
    contributions: z.array(z.string()).readonly(),
    newOrganisations: z.array(z.string()).readonly(),
    existingActivities: z
      .array(z.string())
      .readonly()
      .describe('packages already on the ledger: what this file adds to them is in updatedActivities'),
    updatedActivities: z
      .array(z.string())
      .readonly()
      .describe('packages already on the ledger to which this file added contributions, stages or a status step'),
    olderActivities: z
      .array(z.string())
      .readonly()
      .describe("packages whose activity here is older (last-updated-datetime) than the ledger's: ignored"),
    lifecycle: z
      .array(
        z.object({
          packageId: z.string(),
          iatiStatus: z.string().describe('the activity status, `code name`'),
          steps: z.array(z.enum(['validated', 'funded', 'closed', 'cancelled'])).readonly(),
          packageStatus: z.string(),
        }),
      )
      .readonly()
      .describe('the activity statuses taken onto the packages, as far as the rules allow'),
    notes: z
      .array(z.object({ row: z.number().int(), packageId: z.string(), note: z.string() }))
      .readonly()
      .describe('per activity: what its package cannot show, or a step the rules did not allow'),
    skippedTransactions: z.number().int(),
    sourceId: z.string().nullable(),
    errors: z.array(rowErrorSchema).readonly(),
    errorCount: z.number().int(),
    written: z.boolean(),
    refused: z.boolean(),
  })
  .meta({ id: 'IatiImportReport' });

const refusedSchema = problemSchema
  .extend({ rowErrors: z.array(rowErrorSchema).readonly().describe('the errors (the first 1,000)') })
  .meta({ id: 'IatiActivitiesRefused' });

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true');

/** `POST /api/imports/iati`: an IATI 2.03 activity file (the XML itself as the body), as `tranche import iati` does. */
export const iatiImportRoute: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  for (const type of XML_TYPES) {
    app.addContentTypeParser(type, { bodyLimit: UPLOAD_LIMIT }, (_request, payload, done) => done(null, payload));
  }
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/imports/iati',
    {
      config: { access: 'RunImport' },
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        summary: 'Import IATI 2.03 activities (the XML file as the body): packages, organisations, contributions',
        description:
          'All or nothing, in one transaction, unless skipInvalid=true: refused activities are listed with their ' +
          'line, element and reason (422, nothing written). dryRun=true decides everything and writes nothing. The ' +
          'same file imported again creates nothing (alreadyImported); activities already on the ledger are skipped.',
        tags: ['imports'],
        querystring: z.strictObject({
          dryRun: flag,
          skipInvalid: flag,
          fileName: fileNameQuery.describe('the name the report and the source record give the file'),
          visibility: z.enum(VISIBILITIES).default('public'),
        }),
        consumes: XML_TYPES,
        response: { 200: iatiImportReportSchema, 201: iatiImportReportSchema, 422: refusedSchema },
      },
    },
    async (request, reply) => {
      const upload = uploadedFile(request);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'tranche-upload-'));
      try {
        const file = path.join(dir, path.basename(request.query.fileName ?? 'iati.xml'));
        await pipeline(upload, createWriteStream(file));
        const report = await importIati(deps, requestContext(request), file, {
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
              title: 'Activities refused',
              status: 422,
              code: 'import-rows-refused',
              detail: `${report.errorCount} errors: nothing was imported (fix them, or send skipInvalid=true)`,
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
};
