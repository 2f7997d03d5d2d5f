/** `npm run import-csv -- events.csv <id>`: a starter scenario from a CSV master event list. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { csvToScenario } from '../scenario/csv-import.ts';

const [file, id] = process.argv.slice(2).filter((a) => a !== '--');
if (file === undefined || id === undefined || !/^[a-z0-9][a-z0-9-]*$/.test(id)) {
  console.error('usage: npm run import-csv -- <events.csv> <scenario-id>');
  process.exitCode = 1;
} else if (!existsSync(file)) {
  console.error(`${file}:1 (file): file not found`);
  process.exitCode = 1;
} else if (existsSync(`scenarios/${id}.yaml`)) {
  console.error(`scenarios/${id}.yaml already exists; choose another id.`);
  process.exitCode = 1;
} else {
  const { yaml, problems } = csvToScenario(readFileSync(file, 'utf8'), id);
  if (!yaml) {
    for (const p of problems) console.error(`${file}:${p.row} row: ${p.message}`);
    process.exitCode = 1;
  } else {
    writeFileSync(`scenarios/${id}.yaml`, yaml);
    console.log(`Wrote scenarios/${id}.yaml. Fill in the TODOs, then: npm run check -- scenarios/${id}.yaml`);
  }
}
