/** `npm run new-scenario -- <id>`: writes scenarios/<id>.yaml from a commented starter that passes check. */
import { existsSync, writeFileSync } from 'node:fs';
import { starterScenario } from '../scenario/starter-scenario.ts';

const id = process.argv.slice(2).find((arg) => arg !== '--');
if (id === undefined || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
  console.error('usage: npm run new-scenario -- <id>   (lower-case letters, digits and "-", e.g. file-server-slow)');
  process.exitCode = 1;
} else if (existsSync(`scenarios/${id}.yaml`)) {
  console.error(`scenarios/${id}.yaml already exists; choose another id or edit that file.`);
  process.exitCode = 1;
} else {
  writeFileSync(`scenarios/${id}.yaml`, starterScenario(id));
  console.log(`Wrote scenarios/${id}.yaml. Fill in the TODOs, then: npm run check -- scenarios/${id}.yaml`);
}
