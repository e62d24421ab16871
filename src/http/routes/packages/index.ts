import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  cancelPackage,
  closePackage,
  confirmReceipt,
  contractPackage,
  dispatchShipment,
  fundPackage,
  proposePackage,
  validatePackage,
} from '../../../app/packages.ts';
import {
  confirmReceiptSchema,
  contractPackageSchema,
  dispatchShipmentSchema,
  factsOnlySchema,
  proposePackageSchema,
  reasonSchema,
  validatePackageSchema,
} from '../../../app/schemas.ts';
import { readScopeOf } from '../../../domain/access.ts';
import { notFound } from '../../../domain/errors.ts';
import { getPackage, listPackages } from '../../../projections/queries/packages.ts';
import { timeline } from '../../../projections/queries/timeline.ts';
import { commandHeaders } from '../../request-context.ts';
import {
  applied,
  appliedResponses,
  commandInput,
  created,
  createdResponses,
  idParams,
  type RouteDeps,
  seg,
  tagVersion,
  timelineSchema,
} from '../shared.ts';
import { packageDetailSchema, packageQuery, pipelineQuery, pipelineRowSchema } from './schemas.ts';

const tags = ['packages'];

export const packageRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { deps }) => {
  app.post(
    '/api/packages',
    {
      config: { access: 'ProposePackage' },
      schema: {
        summary: 'Propose a package: its lines, target value, coordinator and supplier',
        tags,
        headers: commandHeaders,
        body: proposePackageSchema,
        response: createdResponses,
      },
    },
    async (request, reply) => {
      const result = await proposePackage(deps, ...commandInput(request));
      return created(reply, result, `/api/packages/${seg(result.id)}`);
    },
  );

  const step = { tags, headers: commandHeaders, params: idParams, response: appliedResponses };
  app.post(
    '/api/packages/:id/validate',
    {
      config: { access: 'ValidatePackage' },
      schema: { ...step, summary: 'The coordinator validates a proposed package', body: validatePackageSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await validatePackage(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/packages/:id/fund',
    {
      config: { access: 'FundPackage' },
      schema: { ...step, summary: 'Mark a validated package funded (a commitment is needed)', body: factsOnlySchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await fundPackage(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/packages/:id/contract',
    {
      config: { access: 'ContractPackage' },
      schema: { ...step, summary: 'Record the contract with the supplier', body: contractPackageSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await contractPackage(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/packages/:id/shipments',
    {
      config: { access: 'DispatchShipment' },
      schema: { ...step, summary: 'Record a shipment: which lines, how many', body: dispatchShipmentSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await dispatchShipment(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/packages/:id/receipts',
    {
      config: { access: 'ConfirmReceipt' },
      schema: {
        ...step,
        summary: 'The recipient confirms what arrived (partly, or in full)',
        body: confirmReceiptSchema,
      },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await confirmReceipt(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/packages/:id/close',
    {
      config: { access: 'ClosePackage' },
      schema: { ...step, summary: 'Close a delivered package', body: factsOnlySchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await closePackage(deps, context, request.params.id, input));
    },
  );

  app.post(
    '/api/packages/:id/cancel',
    {
      config: { access: 'CancelPackage' },
      schema: { ...step, summary: 'Cancel a package before anything is shipped', body: reasonSchema },
    },
    async (request, reply) => {
      const [context, input] = commandInput(request);
      return applied(reply, await cancelPackage(deps, context, request.params.id, input));
    },
  );

  app.get(
    '/api/packages',
    {
      config: { access: 'public' },
      schema: {
        summary: 'The package pipeline: status and funded, paid and delivered shares',
        tags,
        querystring: pipelineQuery,
        response: { 200: z.array(pipelineRowSchema) },
      },
    },
    (request) => {
      const { donor, ...filter } = request.query;
      return listPackages(deps.db, readScopeOf(request.principal), { ...filter, donorId: donor });
    },
  );

  app.get(
    '/api/packages/:id',
    {
      config: { access: 'public' },
      schema: {
        summary: 'One package: lines, shipments, receipts, contributions and conflicting reported figures',
        tags,
        params: idParams,
        querystring: packageQuery,
        response: { 200: packageDetailSchema },
      },
    },
    async (request, reply) => {
      const pkg = await getPackage(deps.db, readScopeOf(request.principal), request.params.id, request.query.currency);
      if (!pkg) throw notFound('package-unknown', `no package "${request.params.id}"`);
      await tagVersion(reply, deps, 'package', request.params.id);
      return pkg;
    },
  );

  app.get(
    '/api/packages/:id/timeline',
    {
      config: { access: 'public' },
      schema: {
        summary: "A package's history, with evidence",
        tags,
        params: idParams,
        response: { 200: timelineSchema },
      },
    },
    async (request) => {
      const entries = await timeline(deps.db, readScopeOf(request.principal), `package:${request.params.id}`);
      if (entries.length === 0) throw notFound('package-unknown', `no package "${request.params.id}"`);
      return entries;
    },
  );
};
