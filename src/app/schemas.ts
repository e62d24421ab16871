import { z } from 'zod';
import { EVERY_ORGANISATION, ROLES } from '../domain/access.ts';
import { CLAIM_STAGES, SUBJECT_TYPES } from '../domain/claim/claim.ts';
import { BASES, LANGUAGES, VISIBILITIES } from '../domain/facts.ts';
import { ORGANISATION_KINDS } from '../domain/organisation/organisation.ts';

/**
 * The shapes of command inputs, shared by the HTTP API (request bodies, OpenAPI) and the CLI. They check form
 * (types, required fields, unknown fields); the domain checks the rules (positive amounts, ISO codes, states).
 */
const id = z.string().min(1).max(100).describe('lower-case letters, digits and . _ : -');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written as YYYY-MM-DD');
const decimal = z
  .union([z.string().max(60), z.number()])
  .transform((value) => String(value))
  .describe('a decimal number as a string, e.g. "500000000.00"');

/** Free text with an upper bound: a title, a reason, a publisher. A source's own text is bounded by the body limit. */
const text = (max: number) => z.string().max(max);
const code = text(10);

const moneySchema = z.strictObject({ amount: decimal, currency: code.describe('ISO 4217 code') });
const localizedTextSchema = z.strictObject({
  uk: text(2000).optional(),
  en: text(2000).optional(),
  ru: text(2000).optional(),
});

/** Facts every command may carry: when it happened, how it is known, the sources behind it, the version seen. */
const factSchema = {
  occurredOn: isoDate.optional().describe('the day it happened; default today'),
  basis: z.enum(BASES).optional().describe('official (default), reported or estimate'),
  evidence: z.array(id).max(50).optional().describe('ids of sources that support the fact'),
  expectedVersion: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('the stream version you last read; a stale one is a conflict'),
};
const visibility = z.enum(VISIBILITIES).optional().describe('public (default), partners or restricted');

export const registerOrganisationSchema = z.strictObject({
  id,
  kind: z.enum(ORGANISATION_KINDS),
  names: localizedTextSchema,
  iso3166: code.nullable().optional(),
  members: z.array(id).optional(),
  visibility,
  ...factSchema,
});
export const amendOrganisationSchema = z.strictObject({
  names: localizedTextSchema.optional(),
  members: z.array(id).optional(),
  iso3166: code.nullable().optional(),
  ...factSchema,
});

const requirementFields = {
  title: localizedTextSchema,
  category: text(100),
  quantity: z.number().nullable().optional(),
  unit: text(50).nullable().optional(),
  estimatedValue: moneySchema.nullable().optional(),
};
export const listRequirementSchema = z.strictObject({
  id: id.optional(),
  recipientId: id,
  priorityRank: z.number().int(),
  visibility,
  ...requirementFields,
  ...factSchema,
});
export const amendRequirementSchema = z.strictObject({
  title: localizedTextSchema.optional(),
  category: text(100).optional(),
  quantity: z.number().nullable().optional(),
  unit: text(50).nullable().optional(),
  estimatedValue: moneySchema.nullable().optional(),
  ...factSchema,
});
export const reprioritiseRequirementSchema = z.strictObject({ priorityRank: z.number().int(), ...factSchema });
export const reasonSchema = z.strictObject({ reason: text(2000), ...factSchema });

export const draftPriorityListSchema = z.strictObject({
  recipientId: id,
  period: text(7).describe('YYYY-MM'),
  requirementIds: z.array(id),
  visibility,
  ...factSchema,
});
export const approvePriorityListSchema = z.strictObject({ approverId: id, ...factSchema });

const lineSchema = z.strictObject({
  lineId: id.optional(),
  requirementId: id.nullable().optional(),
  description: text(2000),
  category: text(100).optional(),
  quantity: z.number().nullable().optional(),
  unit: text(50).nullable().optional(),
  value: moneySchema.nullable().optional(),
});
const rateSchema = z
  .strictObject({
    eur: text(60).optional().describe('euros per unit of the original currency, as the source states it'),
    usd: text(60).optional().describe('US dollars per unit of the original currency, as the source states it'),
  })
  .optional();
export const proposePackageSchema = z.strictObject({
  id: id.optional(),
  title: localizedTextSchema,
  recipientId: id,
  coordinatorId: id,
  supplierId: id.nullable().optional(),
  category: text(100),
  targetValue: moneySchema,
  rate: rateSchema,
  lines: z.array(lineSchema).max(500),
  visibility,
  ...factSchema,
});
export const validatePackageSchema = z.strictObject({ coordinatorId: id, ...factSchema });
export const factsOnlySchema = z.strictObject({ ...factSchema });
export const contractPackageSchema = z.strictObject({
  supplierId: id,
  contractReference: text(200).nullable().optional(),
  ...factSchema,
});
const lineQuantitySchema = z.strictObject({ lineId: id, quantity: z.number().nullable().optional() });
export const dispatchShipmentSchema = z.strictObject({
  shipmentId: id.optional(),
  lines: z.array(lineQuantitySchema).max(500),
  ...factSchema,
});
export const confirmReceiptSchema = z.strictObject({
  receiptId: id.optional(),
  shipmentId: id,
  lines: z.array(lineQuantitySchema).max(500),
  full: z.boolean().optional(),
  ...factSchema,
});

export const pledgeContributionSchema = z.strictObject({
  id: id.optional(),
  donorId: id,
  packageId: id.nullable().optional(),
  category: text(100).nullable().optional(),
  amount: moneySchema,
  rate: rateSchema,
  visibility,
  ...factSchema,
});
export const moneyChangeSchema = z.strictObject({ amount: moneySchema.optional(), rate: rateSchema, ...factSchema });
export const paymentSchema = z.strictObject({
  paymentId: id.optional(),
  amount: moneySchema,
  rate: rateSchema,
  ...factSchema,
});
export const amendContributionSchema = z.strictObject({
  amount: moneySchema,
  reason: text(2000),
  rate: rateSchema,
  ...factSchema,
});

export const recordSourceSchema = z.strictObject({
  id: id.optional(),
  url: text(2000).nullable().optional(),
  publisher: text(300),
  author: text(300).nullable().optional(),
  publishedOn: isoDate.nullable().optional(),
  language: z.enum(LANGUAGES),
  title: text(1000),
  text: z.string().max(1_000_000),
  storyId: id.nullable().optional(),
  visibility,
  ...factSchema,
});
const subjectSchema = z.strictObject({ type: z.enum(SUBJECT_TYPES), id });
export const recordClaimSchema = z.strictObject({
  id: id.optional(),
  sourceId: id,
  subject: subjectSchema.nullable().optional(),
  donorIds: z.array(id).max(50),
  stage: z.enum(CLAIM_STAGES),
  amount: moneySchema.nullable().optional(),
  statedOn: isoDate.nullable().optional(),
  sentence: z.string().max(5000),
  visibility,
  ...factSchema,
});
export const linkClaimSchema = z.strictObject({ eventId: z.string().min(1).max(200), ...factSchema });
export const adoptFigureSchema = z.strictObject({
  subject: subjectSchema,
  stage: z.enum(CLAIM_STAGES),
  claimId: id.optional(),
  low: moneySchema.optional(),
  high: moneySchema.optional(),
  note: z.string().max(2000).nullable().optional(),
  ...factSchema,
});

/** A document as a file holds it: its content, and what its name or media type says of its format. */
const documentFields = {
  content: z.string().min(1).max(4_000_000).describe('the document: plain text or a saved HTML page'),
  fileName: z.string().min(1).max(500).optional().describe('its file name; .html or .txt tells the format'),
  contentType: z.string().min(1).max(200).optional().describe('its media type, e.g. text/html'),
};
export const extractSourceSchema = z.strictObject(documentFields);
export const importSourceSchema = z.strictObject({
  ...documentFields,
  id: id.optional(),
  url: text(2000).nullable().optional(),
  publisher: text(300).optional().describe("default: the page's, else the URL's host"),
  title: text(1000).optional().describe("default: the page's"),
  author: text(300).nullable().optional().describe("default: the page's"),
  publishedOn: isoDate.nullable().optional().describe("default: the page's"),
  language: z.enum(LANGUAGES).optional().describe('default: the language of the text'),
  storyId: id
    .nullable()
    .optional()
    .describe('the story its other language versions share; omitted: found from the facts it states; null: none'),
  visibility,
  ...factSchema,
});
export const acceptProposalSchema = z.strictObject({
  donorIds: z.array(id).max(50).optional().describe('default: the organisations carrying the codes found'),
  stage: z.enum(CLAIM_STAGES).optional(),
  amount: moneySchema.nullable().optional(),
  sentence: z.string().max(5000).optional().describe('default: the sentence it was found in'),
  subject: subjectSchema.nullable().optional().describe("default: the linked event's package or contribution"),
  linkTo: z.string().min(1).max(200).optional().describe('the id of a ledger event the claim is evidence for'),
  visibility,
  ...factSchema,
});
export const rejectProposalSchema = z.strictObject({ reason: z.string().max(2000).optional(), ...factSchema });

export type FactInput = {
  occurredOn?: string | undefined;
  basis?: (typeof BASES)[number] | undefined;
  evidence?: string[] | undefined;
  expectedVersion?: number | undefined;
};

const password = z.string().min(12).max(200).describe('at least 12 characters');
const role = z.enum(ROLES);
const organisationOrEvery = id.describe(`an organisation id, or "${EVERY_ORGANISATION}" for every organisation`);

export const addPersonSchema = z.strictObject({
  id: id.describe('the name a person signs in with'),
  name: z.string().min(1).max(200).describe('how the person is shown'),
  password,
});
export const grantSchema = z.strictObject({ organisationId: organisationOrEvery, role });
export const issueTokenSchema = z.strictObject({
  organisationId: organisationOrEvery,
  role,
  label: z.string().min(1).max(200).describe('what the token is for, e.g. "IATI nightly import"'),
  expiresOn: isoDate.nullable().optional().describe('the last day it works; default: until revoked'),
});
export const revokeTokenSchema = z.strictObject({ reason: z.string().max(500).optional() });
export const signInSchema = z.strictObject({ personId: id, password: z.string().min(1).max(200) });
export const passwordSchema = z.strictObject({ password });
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
