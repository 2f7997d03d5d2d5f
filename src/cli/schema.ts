/** `npm run schema`: writes scenarios/schema.json from the validator's schema. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from './scenario-json-schema.ts';

writeFileSync('scenarios/schema.json', scenarioJsonSchema());
console.log('Wrote scenarios/schema.json');
