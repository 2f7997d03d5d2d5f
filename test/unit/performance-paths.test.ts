// The faster paths added for the benchmark (docs/performance.md) must behave exactly like the
// simple ones they replace: the clock fires in the same order, the folded view equals the view
// derived from the whole log, and the library's build-time catalog matches the loader.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../src/engine/sim-clock.ts';
import { deriveView, ViewFold } from '../../src/engine/exercise-view.ts';
import { playActions } from '../../src/engine/replay.ts';
import { parseTranscript } from '../../src/engine/transcript.ts';
import { loadScenario } from '../../src/scenario/loader.ts';
import { scenarioCatalog } from '../../scripts/scenario-catalog-plugin.ts';
import type { SimMs } from '../../src/scenario/duration.ts';

describe('SimClock', () => {
  it('fires timers by due time, ties in the order they were set, including timers set while firing', () => {
    const clock = new SimClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@20'), 20);
    clock.setTimeout(() => fired.push('a@10'), 10);
    const cleared = clock.setTimeout(() => fired.push('cleared@15'), 15);
    clock.setTimeout(() => {
      fired.push('c@20');
      clock.setTimeout(() => fired.push('d@20+0'), 0);
      clock.setTimeout(() => fired.push('e@25'), 5);
    }, 20);
    clock.clearTimeout(cleared);
    expect(clock.nextDue()).toBe(10);
    clock.advanceTo(22);
    expect(fired).toEqual(['a@10', 'b@20', 'c@20', 'd@20+0']);
    expect(clock.now()).toBe(22);
    expect(clock.nextDue()).toBe(25);
    clock.advanceTo(100);
    expect(fired.at(-1)).toBe('e@25');
    expect(clock.nextDue()).toBeUndefined();
    expect(() => clock.advanceTo(50)).toThrow(/cannot go back/);
  });

  it('a timer set by a timer starts at its parent’s due time, however far the clock jumps', () => {
    const run = (steps: number[]) => {
      const clock = new SimClock();
      const at: number[] = [];
      clock.setTimeout(() => clock.setTimeout(() => at.push(clock.now()), 30), 10);
      for (const step of steps) clock.advanceTo(step);
      return at;
    };
    expect(run([100])).toEqual([40]);
    expect(run([5, 12, 39, 41, 100])).toEqual([40]);
  });
});

describe('ViewFold', () => {
  it('folded entry by entry, it equals the view derived from the whole log at every step of an expert run', () => {
    const id = 'monitoring-alert-storm';
    const { scenario } = loadScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `scenarios/${id}.yaml`);
    if (!scenario) throw new Error('scenario does not load');
    const { transcript } = parseTranscript(readFileSync(`test/transcripts/${id}/expert.json`, 'utf8'), 'expert.json', scenario);
    if (!transcript) throw new Error('transcript does not parse');
    const log = playActions(scenario, transcript.actions, { seed: transcript.seed, mode: transcript.mode }).log;
    expect(log.some((e) => e.type === 'alert.acknowledge')).toBe(true);
    const fold = new ViewFold(scenario);
    log.forEach((entry, i) => {
      fold.add(entry);
      // structuredClone: the fold's view shares lists that later entries change.
      expect(structuredClone(fold.view(entry.t as SimMs))).toEqual(deriveView(scenario, log.slice(0, i + 1), entry.t as SimMs));
    });
  });
});

describe('the library catalog plugin', () => {
  it('lists every scenario file with the loader’s id, title and length', () => {
    const plugin = scenarioCatalog();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    const load = plugin.load as (this: { addWatchFile: (f: string) => void }, id: string) => string;
    const resolved = resolveId('virtual:scenario-catalog');
    expect(resolved).toBeDefined();
    const code = load.call({ addWatchFile: () => undefined }, resolved ?? '');
    const catalog = JSON.parse(code.replace(/^export const catalog = /, '').replace(/;$/, '')) as { file: string; problems: string[]; scenario?: { duration: number; spec: { id: string; title: string } } }[];
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort();
    expect(catalog.map((c) => c.file)).toEqual(files.map((f) => `scenarios/${f}`));
    for (const entry of catalog) {
      const { scenario } = loadScenario(readFileSync(entry.file, 'utf8'), entry.file);
      expect(entry.scenario?.spec.id).toBe(scenario?.spec.id);
      expect(entry.scenario?.spec.title).toBe(scenario?.spec.title);
      expect(entry.scenario?.duration).toBe(scenario?.duration);
      expect(entry.problems).toEqual([]);
    }
  });
});
