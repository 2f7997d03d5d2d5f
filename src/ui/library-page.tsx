import type { LibraryEntry } from './builtin-scenarios.ts';

const DIFFICULTY_LABEL = { intro: 'Intro', intermediate: 'Intermediate', advanced: 'Advanced' } as const;

/** The scenario library: one card per file in scenarios/. Scenario text is rendered as text. */
export function LibraryPage({ entries }: { readonly entries: readonly LibraryEntry[] }) {
  return (
    <main className="library">
      <header className="library-header">
        <h1>Incident Drill</h1>
        <p>Pick a scenario and run the incident as its coordinator. Every scenario is a scripted major incident played against a simulated clock and scored on severity, escalation, communication and the RCA.</p>
      </header>
      <h2 id="scenarios-heading">Scenario library</h2>
      {entries.length === 0 && <p>No scenarios found in scenarios/.</p>}
      <ul className="cards" aria-labelledby="scenarios-heading">
        {entries.map((entry) =>
          entry.scenario ? (
            <li key={entry.file} className="card">
              <article aria-label={entry.scenario.spec.title}>
                <h3>{entry.scenario.spec.title}</h3>
                <dl className="facts">
                  <div>
                    <dt>Difficulty</dt>
                    <dd>{DIFFICULTY_LABEL[entry.scenario.spec.difficulty]}</dd>
                  </div>
                  <div>
                    <dt>Duration</dt>
                    <dd>{entry.scenario.spec.duration}</dd>
                  </div>
                  <div>
                    <dt>Starts at</dt>
                    <dd>{entry.scenario.spec.clockStart}</dd>
                  </div>
                </dl>
                <p>{entry.scenario.spec.summary}</p>
                <p className="services">Services: {entry.scenario.spec.services.map((s) => s.name).join(', ')}</p>
              </article>
            </li>
          ) : (
            <li key={entry.file} className="card card-invalid">
              <article aria-label={`${entry.file} (invalid)`}>
                <h3>{entry.file}</h3>
                <p>This scenario file has problems and cannot be played:</p>
                <ul>
                  {entry.problems.map((p) => (
                    <li key={p}>
                      <code>{p}</code>
                    </li>
                  ))}
                </ul>
              </article>
            </li>
          ),
        )}
      </ul>
    </main>
  );
}
