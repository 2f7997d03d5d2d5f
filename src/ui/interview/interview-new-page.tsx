import { useEffect, useState } from 'react';
import { WEIGHTS } from '../../scoring/rubric.ts';
import { DIMENSIONS } from '../../scoring/scorecard.ts';
import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { MIN_PASSPHRASE_LENGTH } from '../../store/interview-crypto.ts';
import { listTemplates, saveTemplate, startInterview, weightsProblem, type Weights } from '../../store/interview-store.ts';
import type { InterviewTemplateRecord } from '../../store/db.ts';
import { allScenarios, attemptStore, findScenario, newAttemptId, newSeed, tabId } from '../app-services.ts';
import { navigate } from '../router.ts';
import { LibraryLink } from '../page-parts.tsx';
import { SelectField } from '../select-field.tsx';
import { RUBRIC_VERSION } from '../../scoring/rubric.ts';

/** `/interview/new`: the hiring manager sets up an interview, then hands the console to the candidate. */
export function InterviewNewPage() {
  const playable = allScenarios().flatMap((e) => (e.scenario ? [e.scenario.spec] : []));
  const [candidate, setCandidate] = useState('');
  const [scenarioId, setScenarioId] = useState(playable[0]?.id ?? '');
  const [weights, setWeights] = useState<Weights>({ ...WEIGHTS.interview });
  const [templates, setTemplates] = useState<InterviewTemplateRecord[]>([]);
  const [templateName, setTemplateName] = useState('');
  const [chosenTemplate, setChosenTemplate] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);

  const refreshTemplates = () =>
    void listTemplates(attemptStore).then(
      (list) => {
        setTemplates(list);
        setChosenTemplate((current) => current || (list[0]?.name ?? ''));
      },
      () => setTemplates([]),
    );
  useEffect(() => {
    document.title = 'Set up an interview · Incident Drill';
    refreshTemplates();
  }, []);

  async function onSaveTemplate() {
    const problem = weightsProblem(weights);
    if (problem) return setError(problem);
    if (templateName.trim() === '') return setError('Give the template a name.');
    const saved = await saveTemplate(attemptStore, templateName, weights);
    if (!saved.ok) return setError(saved.error.message);
    setError(undefined);
    setNotice(`Saved the template "${templateName.trim()}".`);
    setChosenTemplate(templateName.trim());
    setTemplateName('');
    refreshTemplates();
  }

  function applyTemplate() {
    const template = templates.find((t) => t.name === chosenTemplate);
    if (!template) return;
    setWeights({ ...template.weights });
    setNotice(`Applied the template "${template.name}".`);
  }

  async function onStart() {
    const scenario = findScenario(scenarioId);
    const problem =
      candidate.trim() === ''
        ? "Enter the candidate's name."
        : !scenario
          ? 'Choose a scenario.'
          : weightsProblem(weights) ??
            (passphrase.length < MIN_PASSPHRASE_LENGTH ? `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.` : passphrase !== repeat ? 'The two passphrases differ.' : undefined);
    if (problem || !scenario) return setError(problem);
    setError(undefined);
    setStarting(true);
    const result = await startInterview(attemptStore, scenario, { id: newAttemptId(), seed: newSeed(), owner: tabId, candidate, weights, passphrase });
    setStarting(false);
    if (result.ok) navigate(`/play/${result.value.attempt.id}`);
    else setError(result.error.message);
  }

  return (
    <main className="library interview-setup">
      <LibraryLink />
      <h1>Set up an interview</h1>
      <p>
        The candidate plays the scenario in interview mode: no hints, no nudges, no countdown to the next update and no score. Their results are encrypted to a key that only this interview's passphrase opens; you read them on the
        interview scorecard. Keep the passphrase to yourself, and do not let the candidate see it. Scored with rubric version {RUBRIC_VERSION}.
      </p>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="banner banner-ok">
          {notice}
        </p>
      )}
      <form
        className="panel interview-form"
        aria-label="Interview"
        onSubmit={(e) => {
          e.preventDefault();
          void onStart();
        }}
      >
        <p>
          <label>
            Candidate name <input value={candidate} onChange={(e) => setCandidate(e.target.value)} autoComplete="off" />
          </label>
        </p>
        <p>
          <SelectField label="Scenario" value={scenarioId} onChange={setScenarioId} options={playable.map((s) => ({ value: s.id, label: s.title }))} />
        </p>
        <fieldset>
          <legend>Rubric weights</legend>
          {DIMENSIONS.map((d) => (
            <label key={d} className="weight-field">
              {DIMENSION_LABEL[d]} weight{' '}
              <input type="number" min={0} max={100} step={1} value={weights[d]} onChange={(e) => setWeights((w) => ({ ...w, [d]: e.target.value === '' ? 0 : Number(e.target.value) }))} />
            </label>
          ))}
          <p className="hint-text">The total is the weighted mean of the four dimension scores.</p>
          {templates.length > 0 && (
            <p>
              <SelectField label="Template" value={chosenTemplate} onChange={setChosenTemplate} options={templates.map((t) => ({ value: t.name, label: `${t.name} (${DIMENSIONS.map((d) => t.weights[d]).join('/')})` }))} />{' '}
              <button type="button" onClick={applyTemplate}>
                Apply template
              </button>
            </p>
          )}
          <p>
            <label>
              Template name <input value={templateName} onChange={(e) => setTemplateName(e.target.value)} />
            </label>{' '}
            <button type="button" onClick={() => void onSaveTemplate()}>
              Save as template
            </button>
          </p>
        </fieldset>
        <p>
          <label>
            Passphrase <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
          </label>
        </p>
        <p>
          <label>
            Repeat passphrase <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
          </label>
        </p>
        <p className="hint-text">At least {MIN_PASSPHRASE_LENGTH} characters. It cannot be recovered: without it, the results stay locked.</p>
        <button type="submit" className="primary" disabled={starting || playable.length === 0}>
          {starting ? 'Starting…' : 'Start interview'}
        </button>
      </form>
      <p>
        <a
          href="/interview/compare"
          onClick={(e) => {
            e.preventDefault();
            navigate('/interview/compare');
          }}
        >
          Compare candidates
        </a>
      </p>
    </main>
  );
}
