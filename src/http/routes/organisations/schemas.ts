import { z } from 'zod';
import { ORGANISATION_KINDS } from '../../../domain/organisation/organisation.ts';
import { donorSummarySchema } from '../overview/schemas.ts';
import { currencyQuery } from '../shared.ts';

export const organisationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    iso3166: z.string().nullable(),
    names: z.object({ uk: z.string(), en: z.string(), ru: z.string() }),
    members: z.array(z.string()),
    visibility: z.string(),
  })
  .meta({ id: 'Organisation' });

export const organisationDetailSchema = organisationSchema
  .extend({ donorSummary: donorSummarySchema.nullable().describe('totals by stage, when the organisation is a donor') })
  .meta({ id: 'OrganisationDetail' });

export const listOrganisationsQuery = z.strictObject({ kind: z.enum(ORGANISATION_KINDS).optional() });
export const organisationQuery = z.strictObject({ ...currencyQuery });
