import { z } from 'zod';
import { ScenarioSchema } from '../scenario/schema.ts';

/**
 * The editor schema (scenarios/schema.json), generated from the validator's own zod schema so
 * the two cannot drift. Cross-references, reachability and times are beyond JSON Schema:
 * `npm run check` stays the one full validator.
 */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  const document = {
    ...schema,
    $id: 'https://incident-drill.local/scenario.schema.json',
    title: 'Incident Drill scenario',
    description: 'One training scenario. Generated from src/scenario/schema.ts by `npm run schema`; do not edit by hand.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
