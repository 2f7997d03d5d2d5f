// The format docs must keep up with the code: every key of the scenario schema and every
// action type appears in its reference page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { ACTION_SCHEMAS, ACTION_TYPES } from '../../src/engine/actions.ts';
import { FACILITATOR_SCHEMAS, FACILITATOR_TYPES } from '../../src/engine/facilitator.ts';

/** Every object key anywhere in a zod schema. */
function keysOf(schema: z.core.$ZodType, out = new Set<string>()): Set<string> {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const child = (value: unknown) => {
    if (value && typeof value === 'object' && '_zod' in value) keysOf(value as z.core.$ZodType, out);
  };
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def['shape'] as Record<string, unknown>)) {
      out.add(key);
      child(value);
    }
  }
  for (const field of ['element', 'innerType', 'valueType', 'in', 'out']) child(def[field]);
  for (const option of (def['options'] as unknown[] | undefined) ?? []) child(option);
  return out;
}

describe('format docs', () => {
  it('document every key of the scenario format', () => {
    const doc = readFileSync('docs/scenario-format.md', 'utf8');
    const keys = [...keysOf(ScenarioSchema)];
    expect(keys.length).toBeGreaterThan(40);
    expect(keys.filter((key) => !doc.includes(`\`${key}\``))).toEqual([]);
  });

  it('document every action type and its fields in the transcript format', () => {
    const doc = readFileSync('docs/transcript-format.md', 'utf8');
    expect(ACTION_TYPES.filter((type) => !doc.includes(`\`${type}\``))).toEqual([]);
    const fields = new Set(Object.values(ACTION_SCHEMAS).flatMap((schema) => [...keysOf(schema)]));
    expect([...fields].filter((field) => !doc.includes(`\`${field}\``))).toEqual([]);
  });

  it('document every facilitator command and its fields in the transcript format', () => {
    const doc = readFileSync('docs/transcript-format.md', 'utf8');
    expect(FACILITATOR_TYPES.filter((type) => !doc.includes(`\`${type}\``))).toEqual([]);
    const fields = new Set(Object.values(FACILITATOR_SCHEMAS).flatMap((schema) => [...keysOf(schema)]));
    expect([...fields].filter((field) => !doc.includes(`\`${field}\``))).toEqual([]);
  });
});
