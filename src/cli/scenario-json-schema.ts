import { z } from 'zod';
import { ScenarioSchema } from '../scenario/schema.ts';
import { ACTION_SCHEMAS } from '../engine/actions.ts';

/**
 * The editor schema (scenarios/schema.json), generated from the validator's own zod schema so
 * the two cannot drift. Cross-references, reachability and times are beyond JSON Schema:
 * `npm run check` stays the one full validator.
 */
export function scenarioJsonSchema(): string {
  const schema = z.toJSONSchema(ScenarioSchema, { target: 'draft-7', unrepresentable: 'any', io: 'input' });
  describeReferenceActions(schema);
  const document = {
    ...schema,
    $id: 'https://incident-drill.local/scenario.schema.json',
    title: 'Incident Drill scenario',
    description: 'One training scenario. Generated from src/scenario/schema.ts by `npm run schema`; do not edit by hand.',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The scenario schema leaves a reference step's `do` items open (the action vocabulary belongs
 * to the engine); the editor gets them spelled out from the same action registry, each with
 * an optional `at`.
 */
function describeReferenceActions(schema: Record<string, unknown>): void {
  type Node = { properties?: Record<string, Node>; items?: Node; [key: string]: unknown };
  const step = (schema as Node).properties?.['debrief']?.properties?.['reference']?.items;
  const list = step?.properties?.['do'];
  if (!list) throw new Error('scenario schema: debrief.reference[].do not found; update describeReferenceActions');
  list.items = {
    anyOf: Object.values(ACTION_SCHEMAS).map((action) => {
      const json = z.toJSONSchema(action.extend({ at: z.string().optional() }), { target: 'draft-7', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
      delete json['$schema'];
      return json;
    }),
  };
}
