// scenarios/schema.json is generated from the validator's schema (npm run schema) and every
// scenario file points editors at it. This keeps the committed file in step with the code.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { scenarioJsonSchema } from '../../src/cli/scenario-json-schema.ts';

const files = readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f));
const committed = readFileSync('scenarios/schema.json', 'utf8');

describe('the editor schema', () => {
  it('is exactly what `npm run schema` generates from the validator', () => {
    expect(committed).toBe(scenarioJsonSchema());
  });

  it('is referenced from the first line of every scenario file', () => {
    for (const file of files) expect(readFileSync(`scenarios/${file}`, 'utf8').split('\n')[0], file).toBe('# yaml-language-server: $schema=./schema.json');
  });

  const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(committed));

  it('accepts every scenario in the library', () => {
    for (const file of files) expect(validate(parse(readFileSync(`scenarios/${file}`, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });

  it('flags what an editor should underline: an unknown key, a bad duration, a wrong enum', () => {
    const good = parse(readFileSync('scenarios/sso-outage-monday.yaml', 'utf8'));
    expect(validate({ ...good, tmieline: [] })).toBe(false);
    expect(validate({ ...good, duration: '2x' })).toBe(false);
    expect(validate({ ...good, difficulty: 'expert' })).toBe(false);
  });
});
