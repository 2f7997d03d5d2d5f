import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { starterScenario } from '../../src/scenario/starter-scenario.ts';

describe('npm run new-scenario', () => {
  it('writes a commented starter that passes check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'new-scenario-'));
    mkdirSync(join(dir, 'scenarios'));
    const run = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('src/cli/new-scenario.ts'), 'file-server-slow'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const text = readFileSync(join(dir, 'scenarios/file-server-slow.yaml'), 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/schema\.json\n/);
    expect(text).toMatch(/# .*TODO/);
    const { scenario, problems } = checkScenario(text, 'file-server-slow.yaml');
    expect(problems).toEqual([]);
    expect(scenario?.spec.id).toBe('file-server-slow');
    const again = spawnSync(resolve('node_modules/.bin/tsx'), [resolve('src/cli/new-scenario.ts'), 'file-server-slow'], { cwd: dir, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('refuses an id that is not kebab-case', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/new-scenario.ts', 'Bad Id'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/usage: npm run new-scenario/);
    expect(checkScenario(starterScenario('x-1'), 'x.yaml').problems).toEqual([]);
  });
});
