import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './writeJsonSchema.js';

describe('published JSON Schema', () => {
  it('schema/scenario.schema.json is the current schema (regenerate with npm run schema)', () => {
    const file = fileURLToPath(new URL('../../schema/scenario.schema.json', import.meta.url));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
  it('requires the scale ends in words', () => {
    const s = scenarioJsonSchema() as { properties: { dimensions: { items: { properties: { scale: { required: string[] } } } } } };
    expect(s.properties.dimensions.items.properties.scale.required).toEqual(expect.arrayContaining(['low', 'high', 'min', 'max']));
  });
});
