import { writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { scenarioSchema } from './schema.js';

/** The scenario schema as JSON Schema (draft 2020-12), for editor completion of scenario files. */
export function scenarioJsonSchema(): object {
  return {
    ...z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12' }),
    $id: 'https://fulcrum.invalid/schema/scenario.schema.json',
    title: 'Fulcrum scenario',
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(dir + 'scenario.schema.json', JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  console.log('wrote schema/scenario.schema.json');
}
