import { beforeEach, describe, expect, it } from 'vitest';
import { DrillDatabase } from '../../src/store/db.ts';
import { AttemptStore } from '../../src/store/attempt-store.ts';
import { ExerciseSession } from '../../src/store/exercise-session.ts';
import { readAttemptFile, writeAttemptFile } from '../../src/store/attempt-file.ts';
import { score } from '../../src/scoring/score.ts';
import { flagship } from '../support/exercise-driver.ts';
import { transcriptSets } from '../support/transcripts.ts';

const scenario = flagship();
const find = (id: string) => (id === scenario.spec.id ? scenario : undefined);
let n = 0;
let source: AttemptStore;
let target: AttemptStore;

beforeEach(() => {
  source = new AttemptStore(new DrillDatabase(`export-src-${++n}`));
  target = new AttemptStore(new DrillDatabase(`export-dst-${n}`));
});

/** Plays the expert transcript in a stored session and returns the export file's text. */
async function exportedExpert(): Promise<{ text: string; total: number }> {
  const started = await ExerciseSession.start(source, scenario, { id: `att${n}`, mode: 'practice', seed: 9, owner: 'tab' });
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value;
  const expert = transcriptSets().find((s) => s.id === scenario.spec.id)?.transcripts.expert.actions ?? [];
  for (const { t, action } of expert) {
    session.paused = false;
    await session.tick((t - session.now) / session.speed);
    await session.act(action);
  }
  const loaded = await source.load(session.attempt.id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return { text: writeAttemptFile(loaded.value.attempt, loaded.value.log, '2026-11-26T00:00:00.000Z'), total: session.scorecard().total };
}

const attemptsIn = async (store: AttemptStore) => {
  const list = await store.list();
  return list.ok ? list.value.length : -1;
};

describe('attempt export and import', () => {
  it('re-imports in another browser profile and re-scores identically', async () => {
    const { text, total } = await exportedExpert();
    const read = readAttemptFile(text, find);
    if (!read.ok) throw new Error(read.message);
    const imported = await target.importAttempt(read.attempt, read.log, () => 'other');
    expect(imported.ok).toBe(true);
    const loaded = await target.load(read.attempt.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(score(scenario, loaded.value.log).total).toBe(total);
    expect(total).toBeGreaterThan(85);
  });

  it.each([
    ['broken JSON', (text: string) => text.slice(0, text.length / 2), /not valid JSON/],
    ['not an attempt file', () => '{"hello": "world"}', /not a valid attempt export.*format/],
    ['a newer version', (text: string) => text.replace('"version": 1', '"version": 2'), /version 2 of the attempt format/],
    ['an edited log', (text: string) => text.replace(/"to": "iam"/, '"to": "network"'), /changed after it was exported/],
    ['an unknown scenario', (text: string) => text.replace(/"scenarioId": "sso-outage-monday"/, '"scenarioId": "nope"'), /changed after it was exported|does not have/],
  ])('refuses %s with a reason, and stores nothing', async (_what, corrupt, message) => {
    const { text } = await exportedExpert();
    const before = await attemptsIn(target);
    const read = readAttemptFile(corrupt(text), find);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(message);
    expect(await attemptsIn(target)).toBe(before);
  });

  it('refuses a log that was edited and re-checksummed but no longer replays', async () => {
    const { text } = await exportedExpert();
    const data = JSON.parse(text);
    const escalation = data.log.find((e: { type: string }) => e.type === 'escalation.send');
    escalation.t -= 60_000;
    const { contentHash } = await import('../../src/scenario/loader.ts');
    const { canonicalJson } = await import('../../src/engine/canonical-json.ts');
    data.checksum = contentHash(canonicalJson({ format: data.format, version: data.version, attempt: data.attempt, log: data.log }));
    const read = readAttemptFile(JSON.stringify(data), find);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/does not replay/);
  });

  it('keeps both when the same attempt is imported twice', async () => {
    const { text } = await exportedExpert();
    const read = readAttemptFile(text, find);
    if (!read.ok) throw new Error(read.message);
    await target.importAttempt(read.attempt, read.log, () => 'copy1');
    const again = await target.importAttempt(read.attempt, read.log, () => 'copy1');
    expect(again.ok && again.value.id).toBe('copy1');
    expect(await attemptsIn(target)).toBe(2);
  });
});
