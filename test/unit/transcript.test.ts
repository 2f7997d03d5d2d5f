import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../src/engine/transcript.ts';
import { flagship } from '../support/exercise-driver.ts';

const scenario = flagship();
const parse = (name: string) => {
  const file = `test/fixtures/transcripts/${name}`;
  return parseTranscript(readFileSync(file, 'utf8'), file, scenario);
};

describe('transcript files', () => {
  it.each([
    ['bad-json.json', 4, '(json)', 'not valid JSON'],
    ['unknown-type.json', 4, 'actions[1].type', 'did you mean "escalation.send"'],
    ['unknown-ids.json', 3, 'actions[0].source', 'unknown evidence source "signin-log"; did you mean "signin-logs"'],
    ['unknown-ids.json', 4, 'actions[1].to', 'unknown team or vendor "iam-team"'],
    ['unknown-ids.json', 5, 'actions[2].mitigation', 'unknown mitigation "rollback"'],
    ['out-of-order.json', 4, 'actions[1].at', 'earlier than the action before it'],
    ['bad-fields.json', 3, 'actions[0].level', '"P7" is not a valid priority'],
    ['bad-fields.json', 4, 'actions[1].at', '"2x" is not a duration'],
    ['bad-fields.json', 5, 'actions[2].colour', 'unknown field "colour"'],
  ])('%s is refused at line %i (%s: %s)', (name, line, path, fragment) => {
    const { transcript, problems } = parse(name);
    expect(transcript).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ line, path, message: expect.stringContaining(fragment) }));
  });

  it('refuses a transcript written for another scenario', () => {
    const { problems } = parseTranscript('{ "scenario": "dns-exhaustion", "actions": [] }', 'x.json', scenario);
    expect(problems[0]?.message).toMatch(/for scenario "dns-exhaustion" but the scenario file is "sso-outage-monday"/);
  });

  it('reads a valid transcript into timed actions with defaults filled in', () => {
    const text = JSON.stringify({ scenario: 'sso-outage-monday', actions: [{ at: '1m30s', type: 'escalation.send', to: 'iam' }] });
    const { transcript, problems } = parseTranscript(text, 'ok.json', scenario);
    expect(problems).toEqual([]);
    expect(transcript?.actions).toEqual([{ t: 90_000, action: { type: 'escalation.send', to: 'iam', note: '', evidence: [] } }]);
    expect(transcript?.mode).toBe('practice');
  });
});
