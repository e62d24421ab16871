import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Download, EXPORT_TABLE_NAMES, openDownload } from '../../../app/exports.ts';
import { openIatiDownload } from '../../../app/iati-export.ts';
import { readScopeOf } from '../../../domain/access.ts';
import type { IatiPublisher } from '../../../ingest/exporters/iati-publisher.ts';
import type { RouteDeps } from '../shared.ts';

const tags = ['exports'];

const tableParams = z.strictObject({
  table: z
    .string()
    .min(1)
    .max(100)
    .describe(`a read model, with or without its rm_ prefix: ${EXPORT_TABLE_NAMES.join(', ')}`),
});

const HEADERS_NOTE =
  'Sent as an attachment; X-Tranche-Ledger-Seq and X-Tranche-Ledger-Hash name the ledger head it reflects, ' +
  'X-Tranche-Exported-At when it was read.';

/** A 200 that is a file of this media type, described for the OpenAPI document. */
const fileResponse = (contentType: string, description: string) => ({
  200: {
    description: `${description}. ${HEADERS_NOTE}`,
    content: { [contentType]: { schema: z.string().meta({ format: 'binary' }) } },
  },
});

/** Streams the download, naming its file and the ledger head it reflects. */
function send(reply: FastifyReply, download: Download): FastifyReply {
  const { ledgerHead, exportedAt } = download.manifest;
  return reply
    .type(download.contentType)
    .header('content-disposition', `attachment; filename="${download.fileName}"`)
    .header('x-tranche-ledger-seq', String(ledgerHead.seq))
    .header('x-tranche-ledger-hash', ledgerHead.hash)
    .header('x-tranche-exported-at', exportedAt)
    .header('cache-control', 'no-store')
    .send(download.body);
}

/**
 * Downloads of the read models (docs/import-export.md): each read in one snapshot, streamed as it is read; and the
 * IATI 2.03 export, checked against the schema before it is sent. `iatiPublisher` is its reporting organisation.
 */
export const exportRoutes: FastifyPluginAsyncZod<RouteDeps & { readonly iatiPublisher?: IatiPublisher }> = async (
  app,
  { deps, iatiPublisher },
) => {
  app.get(
    '/api/exports/:table.csv',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One read model as CSV: a header row of column names, then its rows in the order of its key',
        tags,
        params: tableParams,
        response: fileResponse('text/csv', 'the table as CSV'),
      },
    },
    async (request, reply) =>
      send(
        reply,
        await openDownload(deps, readScopeOf(request.principal), { format: 'csv', table: request.params.table }),
      ),
  );

  app.get(
    '/api/exports/:table.json',
    {
      config: { access: 'public' },
      schema: {
        summary:
          'One read model as a JSON array of objects; tranche.json: every read model in one document with the ledger head',
        tags,
        params: tableParams,
        response: fileResponse('application/json', 'the table as JSON, or the whole export'),
      },
    },
    async (request, reply) => {
      const table = request.params.table === 'tranche' ? undefined : request.params.table;
      return send(reply, await openDownload(deps, readScopeOf(request.principal), { format: 'json', table }));
    },
  );

  app.get(
    '/api/exports/tranche.xlsx',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Every read model as an XLSX workbook, one sheet per table',
        tags,
        response: fileResponse(
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'the workbook; the ledger head is also in its properties',
        ),
      },
    },
    async (request, reply) => send(reply, await openDownload(deps, readScopeOf(request.principal), { format: 'xlsx' })),
  );

  app.get(
    '/api/exports/iati.xml',
    {
      config: { access: 'public' },
      schema: {
        summary:
          'The public packages as IATI 2.03 activities and their contributions as transactions, valid against the IATI 2.03 schema',
        tags,
        response: fileResponse(
          'application/xml',
          'the IATI activity file; the ledger head is also in a comment at its top',
        ),
      },
    },
    async (request, reply) =>
      send(reply, await openIatiDownload(deps, readScopeOf(request.principal), { publisher: iatiPublisher })),
  );
};
