// Faults and bad input (issue 8): size and entry limits on scenario and attempt files, the
// attempt import never throwing on arbitrary input, and replay determinism on random logs.
// Deterministic: fixed seeds and run counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/engine/check-scenario.ts';
import { SCENARIO_LIMITS } from '../../src/scenario/loader.ts';
import { ATTEMPT_FILE_LIMITS, attemptFileTooBig, readAttemptFile, writeAttemptFile } from '../../src/store/attempt-file.ts';
import { ACTION_TYPES, type TraineeAction } from '../../src/engine/actions.ts';
import { playActions, restoreFromLog, type TimedAction } from '../../src/engine/replay.ts';
import { canonicalJson } from '../../src/engine/canonical-json.ts';
import { score } from '../../src/scoring/score.ts';
import { formatProblem } from '../../src/scenario/problem.ts';
import type { AttemptRecord } from '../../src/store/db.ts';
import { flagship } from '../support/exercise-driver.ts';

const scenario = flagship();
const find = (id: string) => (id === scenario.spec.id ? scenario : undefined);

describe('oversized scenario files', () => {
  it('refuses text over the size limit before parsing it, with the size and the limit', () => {
    const text = `id: big\n# ${'x'.repeat(SCENARIO_LIMITS.maxChars)}\n`;
    const { scenario: loaded, problems } = checkScenario(text, 'big.yaml');
    expect(loaded).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual(['big.yaml:1 (document): the file is 501 kB; a scenario may be at most 500 kB, so it was not read']);
  });

  it('refuses 100,000 timeline entries with a located message instead of checking each one', () => {
    const entries = Array.from({ length: 100_000 }, () => '{}').join(',');
    const text = `id: big\ntitle: Big\nphases:\n  start:\n    title: Start\n    timeline: [${entries}]\n`;
    expect(text.length).toBeLessThan(SCENARIO_LIMITS.maxChars);
    const { scenario: loaded, problems } = checkScenario(text, 'big.yaml');
    expect(loaded).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([`big.yaml:6 phases.start.timeline: the scenario has 100000 timeline entries; at most ${SCENARIO_LIMITS.maxTimelineEntries} are allowed across all phases (this phase has 100000)`]);
  });

  it('counts timeline entries across all phases', () => {
    const half = Array.from({ length: SCENARIO_LIMITS.maxTimelineEntries / 2 + 1 }, () => '{}').join(',');
    const text = `id: big\nphases:\n  a:\n    timeline: [${half}]\n  b:\n    timeline: [${half}, {}]\n`;
    const messages = checkScenario(text, 'big.yaml').problems.map(formatProblem);
    expect(messages).toEqual([expect.stringMatching(/^big\.yaml:6 phases\.b\.timeline: the scenario has 2003 timeline entries/)]);
  });

  it('leaves every built-in scenario well inside the limits', () => {
    expect(scenario.spec.title).toBeTruthy();
    const entries = Object.values(scenario.spec.phases).reduce((n, phase) => n + (phase.timeline?.length ?? 0), 0);
    expect(entries).toBeLessThan(SCENARIO_LIMITS.maxTimelineEntries / 10);
  });
});

describe('oversized attempt files', () => {
  it('says a 50 MB file is too big from its size alone', () => {
    expect(attemptFileTooBig(50_000_000)).toBe('the file is 50.0 MB; an attempt file may be at most 20.0 MB, so it was not read.');
    expect(attemptFileTooBig(ATTEMPT_FILE_LIMITS.maxBytes)).toBeUndefined();
  });

  it('refuses a log with more entries than the limit before validating or replaying it', () => {
    const log = Array.from({ length: ATTEMPT_FILE_LIMITS.maxLogEntries + 1 }, (_, seq) => ({ seq, t: 0, type: 'x', payload: {} }));
    const read = readAttemptFile(JSON.stringify({ format: 'incident-drill/attempt', version: 1, log }), find);
    expect(read).toEqual({ ok: false, message: `The file's log has ${ATTEMPT_FILE_LIMITS.maxLogEntries + 1} entries; an attempt may have at most ${ATTEMPT_FILE_LIMITS.maxLogEntries}, so it was not imported.` });
  });
});

// --- Random valid-looking action logs, from the flagship scenario's own ids ---
const { spec } = scenario;
const alertIds = Object.values(spec.phases).flatMap((phase) => (phase.timeline ?? []).flatMap((entry) => (entry.alert ? [entry.alert.id] : [])));
const teamIds = [...spec.teams.map((team) => team.id), ...(spec.vendors ?? []).map((vendor) => vendor.id)];
const evidenceIds = Object.keys(spec.evidence);
const mitigationIds = Object.keys(spec.mitigations);
const changeIds = (spec.changes ?? []).map((change) => change.id);
const pick = (values: readonly string[]) => fc.constantFrom(...values, 'no-such-id');

const traineeAction: fc.Arbitrary<TraineeAction> = fc.oneof(
  pick(alertIds).map((alert) => ({ type: 'alert.acknowledge' as const, alert })),
  fc.constantFrom('P1', 'P2', 'P3', 'P4').map((level) => ({ type: 'priority.set' as const, level }) as TraineeAction),
  fc.constant({ type: 'incident.declare-major' as const }),
  fc.constant({ type: 'bridge.open' as const }),
  pick(evidenceIds).map((source) => ({ type: 'evidence.request' as const, source })),
  fc.record({ to: pick(teamIds), evidence: fc.subarray(evidenceIds, { maxLength: 2 }) }).map(({ to, evidence }) => ({ type: 'escalation.send' as const, to, note: 'see evidence', evidence })),
  fc.record({ audience: fc.constantFrom('stakeholders', 'service-desk'), text: fc.string({ minLength: 1, maxLength: 40 }) }).map((u) => ({ type: 'update.post' as const, ...u }) as TraineeAction),
  pick(mitigationIds).map((mitigation) => ({ type: 'mitigation.apply' as const, mitigation })),
  pick(changeIds.length > 0 ? changeIds : ['none']).map((change) => ({ type: 'change.link' as const, change })),
  fc.constant({ type: 'hint.take' as const }),
  fc.constant({ type: 'incident.resolve' as const, summary: 'rolled back' }),
);

const actionLog = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 600 }), traineeAction), { maxLength: 25 })
  .map((steps) => {
    let t = 0;
    return steps.map(([gap, action]): TimedAction => ({ t: (t += gap * 1000), action }));
  });

describe('replay determinism', () => {
  it('uses every kind of trainee action the generator can make (sanity check)', () => {
    const kinds = new Set(fc.sample(traineeAction, { numRuns: 300, seed: 1 }).map((a) => a.type));
    expect([...kinds].every((kind) => ACTION_TYPES.includes(kind))).toBe(true);
    expect(kinds.size).toBe(11);
  });

  it('replaying random action logs twice gives identical logs and scores, and a stored log restores to itself', () => {
    fc.assert(
      fc.property(actionLog, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (actions, seed) => {
        const first = playActions(scenario, actions, { seed });
        const second = playActions(scenario, actions, { seed });
        expect(canonicalJson(second.log)).toBe(canonicalJson(first.log));
        expect(score(scenario, second.log)).toEqual(score(scenario, first.log));
        const restored = restoreFromLog(scenario, first.log, first.now);
        expect(restored.mismatch).toBeUndefined();
        expect(canonicalJson(restored.exercise.log)).toBe(canonicalJson(first.log));
      }),
      { numRuns: 60, seed: 8 },
    );
  });
});

// --- The attempt import on arbitrary input ---
const record = (log: ReturnType<typeof playActions>['log'], now: number): AttemptRecord => ({
  id: 'fuzz1',
  scenarioId: scenario.spec.id,
  scenarioHash: scenario.hash,
  scenarioTitle: scenario.spec.title,
  mode: 'practice',
  seed: 3,
  settings: { speed: 1 },
  status: 'in-progress',
  simTime: now,
  createdAt: '2026-11-26T00:00:00.000Z',
  updatedAt: '2026-11-26T00:00:00.000Z',
  owner: '',
  trainee: 'Fuzz',
});
const played = playActions(scenario, [{ t: 60_000, action: { type: 'bridge.open' } }, { t: 120_000, action: { type: 'escalation.send', to: 'iam', note: '', evidence: [] } }], { seed: 3, until: 180_000 });
const validFile = writeAttemptFile(record(played.log, played.now), played.log, '2026-11-26T00:00:00.000Z');

/** Mutations of a valid file: cut, splice junk, replace a JSON value, or arbitrary JSON. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.nat().map((at) => validFile.slice(0, at % validFile.length)),
  fc.tuple(fc.nat(), fc.string({ maxLength: 8 })).map(([at, junk]) => validFile.slice(0, at % validFile.length) + junk + validFile.slice(at % validFile.length)),
  fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 2 })).map(([at, value]) => {
    // Replace one value in the parsed file (checksum left as it was, or recomputed by nobody).
    const data = JSON.parse(validFile) as Record<string, unknown>;
    const keys = Object.keys(data);
    const key = keys[at % keys.length] ?? 'log';
    return JSON.stringify({ ...data, [key]: value });
  }),
  fc.jsonValue({ maxDepth: 3 }).map((payload) => JSON.stringify({ ...(JSON.parse(validFile) as object), log: [{ seq: 0, t: 0, type: 'exercise.start', payload }] })),
);

describe('attempt import on arbitrary input', () => {
  it('the untouched file is accepted (sanity check)', () => {
    expect(readAttemptFile(validFile, find).ok).toBe(true);
  });

  it('never throws: it accepts the file or returns a one-paragraph message', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        let result: ReturnType<typeof readAttemptFile>;
        try {
          result = readAttemptFile(text, find);
        } catch (error) {
          throw new Error(`readAttemptFile threw on:\n${text.slice(0, 500)}\n${error instanceof Error ? error.stack : String(error)}`);
        }
        if (!result.ok) {
          expect(result.message.trim().length).toBeGreaterThan(10);
        } else {
          expect(canonicalJson(result.log)).toBe(canonicalJson(played.log));
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
