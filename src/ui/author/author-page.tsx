import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { checkScenario } from '../../engine/check-scenario.ts';
import { playActions, type TimedAction } from '../../engine/replay.ts';
import { referenceActions } from '../../engine/reference-actions.ts';
import { phaseGraph } from './phase-graph.ts';
import { StatechartDiagram } from './statechart-diagram.tsx';
import { score } from '../../scoring/score.ts';
import { formatProblem, type Problem } from '../../scenario/problem.ts';
import { formatDuration, parseDuration } from '../../scenario/duration.ts';
import type { LoadedScenario } from '../../scenario/loader.ts';
import { DIMENSION_LABEL, DIMENSIONS } from '../../scoring/scorecard.ts';
import { starterScenario } from '../../scenario/starter-scenario.ts';
import { LibraryLink } from '../page-parts.tsx';
import { contentHash, SCENARIO_LIMITS } from '../../scenario/loader.ts';
import { formatSize } from '../../store/attempt-file.ts';
import { allScenarios, attemptStore, refreshImported } from '../app-services.ts';

/** `/author`: write or import a scenario, see the checker's problems at their lines as you type, preview it and dry-run it. */
export function AuthorPage() {
  const [name, setName] = useState('new-scenario.yaml');
  const [text, setText] = useState(() => starterScenario('new-scenario'));
  const [checked, setChecked] = useState(() => checkScenario(text, name));
  const [saved, setSaved] = useState<{ readonly ok: boolean; readonly message: string } | undefined>();

  /** Stores the file in this browser: a valid one joins the library, one with errors is kept as a draft. */
  async function save() {
    const result = checkScenario(text, name);
    const id = result.scenario?.spec.id;
    if (id !== undefined && allScenarios().some((e) => !e.imported && e.scenario?.spec.id === id)) {
      return setSaved({ ok: false, message: `Not saved: "${id}" is the id of a built-in scenario; give yours another id.` });
    }
    const stored = await attemptStore.saveScenario({ hash: contentHash(text), fileName: name, text, scenarioId: id, savedAt: new Date().toISOString() });
    if (!stored.ok) return setSaved({ ok: false, message: `Not saved: ${stored.error.message}` });
    await refreshImported();
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    setSaved({ ok: true, message: id !== undefined ? `Saved "${id}" to the library; start it from there.` : `Saved as a draft with ${errors} error${errors === 1 ? '' : 's'}: it is listed in the library but cannot be started until they are fixed.` });
  }

  useEffect(() => {
    document.title = 'Author a scenario · Incident Drill';
  }, []);
  // Re-check a moment after the author stops typing: the same checker as `npm run check`.
  useEffect(() => {
    const timer = window.setTimeout(() => setChecked(checkScenario(text, name)), 250);
    return () => window.clearTimeout(timer);
  }, [text, name]);

  async function load(file: File | undefined) {
    if (!file) return;
    // Checked before reading: a huge file is never loaded into the editor.
    if (file.size > SCENARIO_LIMITS.maxChars) return setSaved({ ok: false, message: `"${file.name}" was not opened: it is ${formatSize(file.size)}; a scenario file may be at most ${formatSize(SCENARIO_LIMITS.maxChars)}.` });
    setSaved(undefined);
    setName(file.name);
    setText(await file.text());
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void load(e.dataTransfer.files[0]);
  };

  const errors = checked.problems.filter((p) => p.severity === 'error');
  return (
    <main className="author" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <LibraryLink />
      <h1>Author a scenario</h1>
      <p>Write or paste a scenario below, or drop a YAML file anywhere on this page. Problems appear at their lines as you type, with the same messages as <code>npm run check</code>.</p>
      <p>
        <label>
          Open a scenario file <input type="file" accept=".yaml,.yml,text/yaml" onChange={(e) => void load(e.target.files?.[0])} />
        </label>
      </p>
      <p>
        <button type="button" className="primary" onClick={() => void save()}>
          Save to library
        </button>
      </p>
      {saved && (
        <p role={saved.ok ? 'status' : 'alert'} className={saved.ok ? 'banner banner-ok' : 'banner banner-error'}>
          {saved.message}
        </p>
      )}
      <div className="author-grid">
        <section className="panel" aria-label="Editor">
          <h2>{name}</h2>
          <label className="block">
            Scenario YAML
            <textarea className="code" value={text} onChange={(e) => setText(e.target.value)} rows={28} spellCheck={false} />
          </label>
        </section>
        <section className="panel" aria-label="Problems">
          <h2>{checked.problems.length === 0 ? 'No problems' : `${errors.length} error${errors.length === 1 ? '' : 's'}, ${checked.problems.length - errors.length} warning${checked.problems.length - errors.length === 1 ? '' : 's'}`}</h2>
          <AnnotatedSource text={text} problems={checked.problems} />
        </section>
      </div>
      {checked.scenario && <Preview scenario={checked.scenario} />}
    </main>
  );
}

/** The file with each problem shown under its line. */
function AnnotatedSource({ text, problems }: { readonly text: string; readonly problems: readonly Problem[] }) {
  const byLine = new Map<number, Problem[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  const lines = text.split('\n');
  if (problems.length === 0) return <p className="empty">The checker accepts this file.</p>;
  return (
    <ol className="annotated" tabIndex={0} aria-label="Scenario lines">
      {lines.map((line, i) =>
        byLine.has(i + 1) ? (
          <li key={i} value={i + 1}>
            <code>{line || ' '}</code>
            {(byLine.get(i + 1) ?? []).map((p, j) => (
              <p key={j} className={p.severity === 'error' ? 'problem problem-error' : 'problem problem-warning'} role={p.severity === 'error' ? 'alert' : 'status'}>
                {formatProblem(p)}
              </p>
            ))}
          </li>
        ) : null,
      )}
    </ol>
  );
}

/** What the scenario will do: injects per phase on a time axis, the machine's transitions, and a dry run. */
function Preview({ scenario }: { readonly scenario: LoadedScenario }) {
  const { spec } = scenario;
  const graph = useMemo(() => phaseGraph(scenario), [scenario]);
  const runs = useMemo(() => {
    const run = (actions: readonly TimedAction[]) => {
      const played = playActions(scenario, actions);
      return {
        card: score(scenario, played.log),
        path: played.log.flatMap((e) => (e.type === 'phase.enter' ? [`${formatDuration(e.t)} ${e.payload.phase}`] : [])),
        refused: played.log.flatMap((e) => (e.type === 'action.refused' ? [`${formatDuration(e.t)} ${e.payload.action.type}: ${e.payload.reason}`] : [])),
      };
    };
    const reference = referenceActions(scenario);
    return { nothing: run([]), reference: reference.length > 0 ? { ...run(reference), count: reference.length } : undefined };
  }, [scenario]);
  const span = Math.max(1, scenario.duration);
  const exits = (phaseId: string) =>
    graph.edges
      .filter((edge) => edge.from === phaseId)
      .map((edge) => `→ ${edge.to} ${edge.labels.join(', ')}`)
      .join('; ');
  return (
    <>
      <section className="panel" aria-label="Timeline preview">
        <h2>Timeline preview</h2>
        <p className="chart-help">Each row is a phase: where it can lead (the branches), then its alerts (▲) and user reports (●) placed by their time from when the phase begins.</p>
        {Object.entries(spec.phases).map(([id, phase]) => (
          <div key={id} className="phase-row">
            <span className="phase-name">{phase.title ?? id}</span>
            <span className="phase-branches">{exits(id) || (phase.resolved ? 'resolved: the incident can be closed here' : 'no way out')}</span>
            <span className="phase-axis">
              {(phase.timeline ?? []).map((entry, i) => (
                <span key={i} className={`mark ${entry.alert ? 'mark-alert' : 'mark-report'}`} style={{ left: `${((parseDuration(entry.at) ?? 0) / span) * 100}%` }} title={`${entry.at}: ${entry.alert?.text ?? entry.report?.text ?? ''}`}>
                  {entry.alert ? '▲' : '●'}
                </span>
              ))}
            </span>
          </div>
        ))}
      </section>
      <section className="panel" aria-label="Statechart">
        <h2>Statechart (from the compiled machine)</h2>
        <p className="chart-help">Boxes are phases; the start phase is marked ▶. Arrows are the machine's transitions, labelled with what takes them: a timer (after), a trainee action (on) or a mitigation (by). A thick green box is a resolved phase; a dashed red one cannot be reached.</p>
        <div className="statechart-scroll" tabIndex={0} role="group" aria-label="Statechart diagram (scrolls sideways)">
          <StatechartDiagram nodes={graph.nodes} edges={graph.edges} />
        </div>
        <details>
          <summary>The same transitions as a list</summary>
          <ul className="statechart">
            {graph.nodes.map((node) => (
              <li key={node.id}>
                <strong>{node.id}</strong>
                <ul>
                  {graph.edges
                    .filter((edge) => edge.from === node.id)
                    .map((edge) => (
                      <li key={edge.to}>
                        → {edge.to} <span className="edge-label">{edge.labels.join(', ')}</span>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      </section>
      <section className="panel" aria-label="Dry run">
        <h2>Dry run</h2>
        <p>The scenario played to its end at full speed, scored by the same rubric as a real attempt: once with no trainee actions, once with the expert reference (the <code>do</code> actions of <code>debrief.reference</code>).</p>
        <table className="dry-run">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Total</th>
              {DIMENSIONS.map((d) => (
                <th key={d} scope="col">
                  {DIMENSION_LABEL[d]}
                </th>
              ))}
              <th scope="col">Phases</th>
            </tr>
          </thead>
          <tbody>
            {([['No trainee actions', runs.nothing], ...(runs.reference ? [[`Expert reference (${runs.reference.count} actions)`, runs.reference] as const] : [])] as const).map(([label, run]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{run.card.total}</td>
                {DIMENSIONS.map((d) => (
                  <td key={d}>{run.card.dimensions[d].score}</td>
                ))}
                <td>{run.path.join(' → ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>Doing nothing should score near 0; if it does not, the answer key gives points for nothing.</p>
        {runs.reference ? (
          <>
            <p>{runs.reference.card.total >= 85 ? 'The expert reference scores 85 or more: the answer key rewards the model answer.' : `The expert reference scores ${runs.reference.card.total}, under 85: the answer key in expectations and the reference disagree somewhere. The lowest dimension is the place to look.`}</p>
            {runs.reference.refused.length > 0 && (
              <ul aria-label="Reference actions the engine refused">
                {runs.reference.refused.map((line, i) => (
                  <li key={i}>Refused: {line}</li>
                ))}
              </ul>
            )}
          </>
        ) : (
          <p>The expert reference has no actions to play: add a <code>do</code> list to the steps of <code>debrief.reference</code> (docs/scenario-format.md) to dry-run it.</p>
        )}
      </section>
    </>
  );
}
