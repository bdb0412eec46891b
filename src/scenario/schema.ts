import { z } from 'zod';

/**
 * The native scenario format (YAML or JSON), as one zod schema. Semantic checks that need the whole
 * document (ids, scale bounds, sources) are in `validate.ts`. Reference: docs/scenario-format.md.
 */

const finite = (what = 'a number') =>
  z.number({ error: `must be ${what}` }).refine(Number.isFinite, { message: `must be a finite number, not NaN or infinity` });

/** ISO dates as used for ordering shocks: YYYY, YYYY-MM or YYYY-MM-DD. */
const isoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, { message: 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD' });

const id = z
  .string({ error: 'must be a text id' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, { message: 'must be an id of letters, digits, "_", "-" or "." (no spaces)' });

export const evidenceSchema = z
  .strictObject({
    source: z.string().optional().describe('Id of an entry in `sources` (required with `quote`).'),
    quote: z.string().min(1).optional().describe('A short verbatim quote from the source.'),
    judgement: z.string().min(1).optional().describe('Analyst-judgement note with its reasoning, where no quote supports the number.'),
    supports: z.string().optional().describe('What the evidence supports, in words.'),
    confidence: z.enum(['low', 'medium', 'high']).optional(),
  })
  .describe('A short quote from a source, or an explicit analyst judgement.');

export const uncertainObjectSchema = z.strictObject({
  value: finite(),
  low: finite().optional().describe('Lower plausible bound (Monte Carlo samples uniformly between low and high).'),
  high: finite().optional().describe('Upper plausible bound.'),
  sd: finite().optional().describe('Standard deviation (Monte Carlo samples a normal, clipped to the valid range).'),
  evidence: z.array(evidenceSchema).optional(),
});

/** A number, or a number with uncertainty and evidence. */
export const uncertainSchema = z.union([finite(), uncertainObjectSchema]);

const scalePointSchema = z.strictObject({ value: finite(), label: z.string().min(1) });
const bandSchema = z.strictObject({ id, label: z.string().min(1), from: finite(), to: finite() });

export const dimensionSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().optional(),
  scale: z.strictObject({
    min: finite(),
    max: finite(),
    low: z.string().min(1).describe('What the low end of the scale means, in words.'),
    high: z.string().min(1).describe('What the high end of the scale means, in words.'),
    points: z.array(scalePointSchema).optional().describe('Labelled intermediate points.'),
    bands: z.array(bandSchema).optional().describe('Named intervals; Monte Carlo reports the probability of each.'),
  }),
});

export const actorSchema = z.strictObject({
  id,
  name: z.string().min(1),
  description: z.string().optional(),
  capability: uncertainSchema.describe('Clout: resources the actor can bring to bear (> 0, any unit shared by all actors).'),
  position: z.record(z.string(), uncertainSchema).describe('Position per dimension id, on that dimension\'s scale.'),
  salience: z.record(z.string(), uncertainSchema).describe('Salience per dimension id, 0–1.'),
});

const changeSchema = z.union([
  z.strictObject({
    actor: id,
    field: z.string().describe('capability, position.DIMENSION or salience.DIMENSION'),
    value: finite().optional().describe('Set the field to this value.'),
    by: finite().optional().describe('Add this amount to the field.'),
    times: finite().optional().describe('Multiply the field by this factor.'),
  }),
  z.strictObject({ remove: id }),
  z.strictObject({ add: actorSchema }),
]);

export const shockSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().optional(),
  date: isoDate.optional(),
  evidence: z.array(evidenceSchema).optional(),
  changes: z.array(changeSchema).min(1),
});

export const sourceSchema = z.strictObject({
  id,
  title: z.string().min(1),
  author: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  file: z.string().optional(),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: id,
  title: z.string().min(1),
  description: z.string().optional(),
  date: isoDate.optional(),
  sources: z.array(sourceSchema).optional(),
  dimensions: z.array(dimensionSchema).min(1, { message: 'needs at least one dimension' }),
  actors: z.array(actorSchema),
  shocks: z.array(shockSchema).optional(),
});

export type ScenarioInput = z.infer<typeof scenarioSchema>;
export type ActorInput = z.infer<typeof actorSchema>;
export type UncertainInput = z.infer<typeof uncertainSchema>;
