import { z } from 'zod';
import { idSchema, isoDateSchema, outcomeSchema, severitySchema, statusSchema } from '../model/incident-fields';
import type { StoredFacts } from './facts';

/** A stored facts row (./facts.ts), kept apart from it so the popup's bundle never carries zod through the database's upgrade. */
export const storedFactsSchema = z.object({
  id: idSchema,
  teamId: idSchema.nullable(),
  declaredAt: isoDateSchema,
  severity: severitySchema,
  status: statusSchema,
  outcome: outcomeSchema.nullable(),
  resolvedAt: isoDateSchema.nullable(),
  firstCustomerUpdateAt: isoDateSchema.nullable(),
  followUpsAddedAt: z.array(isoDateSchema),
  followUpsDoneAt: z.array(isoDateSchema),
  reviewedByOutsider: z.boolean(),
  sourceUrl: z.string().nullable(),
  lastAt: isoDateSchema,
}) satisfies z.ZodType<StoredFacts>;
