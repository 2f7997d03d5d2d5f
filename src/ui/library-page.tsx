import { useEffect, useState } from 'react';
import type { CatalogEntry as LibraryEntry } from './catalog-entry.ts';
import { DIFFICULTIES, SKILLS } from '../scenario/vocabulary.ts';
import { libraryEntries, attemptStore, loadScenarios, newAttemptId, newSeed, refreshImported, tabId, findScenario } from './app-services.ts';
import { downloadText } from './download.ts';
import { navigate } from './router.ts';
import { SelectField } from './select-field.tsx';
import type { AttemptRecord } from '../store/db.ts';
import type { Mode } from '../engine/check-action.ts';

// Importing, exporting and starting an attempt need the engine and the scenarios: loaded on first use, not with the library.
const transfer = () =>
  Promise.all([import('./attempt-transfer.ts'), loadScenarios()]).then(
    ([m]) => m,
    () => {
      throw new Error('The app could not load the import and export code (are you offline after an update?). Reload the page and try again.');
    },
  );

const DIFFICULTY_LABEL = { intro: 'Intro', intermediate: 'Intermediate', advanced: 'Advanced' } as const;
const STATUS_LABEL = { 'in-progress': 'In progress', resolved: 'Resolved', scored: 'Scored' } as const;
const TRAINEE_KEY = 'incident-drill.trainee';
const LENGTHS = [
  { value: 'all', label: 'Any length', min: 0, max: Infinity },
  { value: 'short', label: 'Up to 45 min', min: 0, max: 45 },
  { value: 'medium', label: '46–75 min', min: 45.01, max: 75 },
  { value: 'long', label: 'Over 75 min', min: 75.01, max: Infinity },
] as const;
const MODE_LABEL: Record<Mode, string> = { practice: 'Practice (hints and nudges)', tabletop: 'Tabletop (a team, with a scribe)', interview: 'Interview (no hints)', rca: 'RCA exercise' };

/** The scenario library and this browser's attempts. Scenario text is rendered as text. */
export function LibraryPage() {
  const [attempts, setAttempts] = useState<AttemptRecord[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [mode, setMode] = useState<Mode>('practice');
  const [starting, setStarting] = useState(false);
  // Tabletop: the people in the room, kept with the attempt for the scribe's "Decided by" and the debrief's credit.
  const [participants, setParticipants] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const [difficulty, setDifficulty] = useState('all');
  const [area, setArea] = useState('all');
  const [skill, setSkill] = useState('all');
  const [length, setLength] = useState('all');
  const [sort, setSort] = useState('title');
  const [entries, setEntries] = useState<readonly LibraryEntry[]>(libraryEntries);

  async function removeImported(entry: LibraryEntry) {
    if (!entry.imported) return;
    const removed = await attemptStore.deleteScenario(entry.imported.hash);
    if (!removed.ok) return setError(removed.error.message);
    await refreshImported();
    setEntries(libraryEntries());
    setNotice(`Deleted ${entry.file}.`);
  }
  const importedButtons = (entry: LibraryEntry) =>
    entry.imported ? (
      <p className="row-buttons">
        <span className="badge">Imported</span>{' '}
        <button type="button" onClick={() => downloadText(entry.file, entry.imported?.text ?? '', 'text/yaml')} aria-label={`Export ${entry.file}`}>
          Export file
        </button>{' '}
        <button type="button" onClick={() => void removeImported(entry)} aria-label={`Delete ${entry.file}`}>
          Delete
        </button>
      </p>
    ) : null;
  // The name attempts are recorded under: picked from earlier ones or typed new; remembered in this browser.
  const [trainee, setTrainee] = useState(() => localStorage.getItem(TRAINEE_KEY) ?? '');

  const refresh = () => void attemptStore.list().then((result) => (result.ok ? setAttempts(result.value) : setError(result.error.message)));
  useEffect(() => {
    document.title = 'Incident Drill';
    refresh();
  }, []);

  async function onImport(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const code = await transfer().catch((error: Error) => setError(error.message));
    if (!code) return;
    const result = await code.importAttempt(file);
    if (result.ok) {
      setError(undefined);
      setNotice(`Imported "${file.name}".`);
      refresh();
    } else {
      setNotice(undefined);
      setError(result.message);
    }
  }

  async function start(scenarioId: string, chosen: Mode = mode) {
    if (starting) return;
    setStarting(true);
    const code = await Promise.all([import('../store/exercise-session.ts'), import('../scoring/team-credit.ts'), loadScenarios()]).catch(() => undefined);
    if (!code) {
      setStarting(false);
      setError('The app could not load the scenario engine (are you offline after an update?). Reload the page and try again.');
      return;
    }
    const [{ ExerciseSession }, { parseParticipants }] = code;
    const scenario = findScenario(scenarioId);
    const team = chosen === 'tabletop' ? parseParticipants(participants) : [];
    if (!scenario || (chosen === 'tabletop' && team.length === 0)) {
      setStarting(false);
      if (scenario) setError('A tabletop needs its participants: list the people in the room under Participants (comma or line separated).');
      return;
    }
    setError(undefined);
    localStorage.setItem(TRAINEE_KEY, trainee.trim());
    const result = await ExerciseSession.start(attemptStore, scenario, { id: newAttemptId(), mode: chosen, seed: newSeed(), owner: tabId, trainee, ...(team.length > 0 ? { participants: team } : {}) });
    setStarting(false);
    if (result.ok) navigate(`/play/${result.value.attempt.id}`);
    else setError(result.error.message);
  }

  const areas = [...new Set(entries.flatMap((e) => (e.scenario?.spec.area ? [e.scenario.spec.area] : [])))].sort();
  const minutes = (e: LibraryEntry) => (e.scenario ? e.scenario.duration / 60000 : 0);
  const shownScenarios = entries
    .filter((e) => {
      const spec = e.scenario?.spec;
      if (!spec) return difficulty === 'all' && area === 'all' && skill === 'all' && length === 'all';
      const range = LENGTHS.find((l) => l.value === length) ?? LENGTHS[0];
      return (difficulty === 'all' || spec.difficulty === difficulty) && (area === 'all' || spec.area === area) && (skill === 'all' || (spec.skills ?? []).some((k) => k === skill)) && (range === undefined || (minutes(e) >= range.min && minutes(e) <= range.max));
    })
    .sort((a, b) => {
      if (sort === 'difficulty') return DIFFICULTIES.indexOf(a.scenario?.spec.difficulty ?? 'intro') - DIFFICULTIES.indexOf(b.scenario?.spec.difficulty ?? 'intro');
      if (sort === 'duration') return minutes(a) - minutes(b);
      return (a.scenario?.spec.title ?? a.file).localeCompare(b.scenario?.spec.title ?? b.file);
    });

  return (
    <main className="library">
      <header className="library-header">
        <h1>Incident Drill</h1>
        <p>Pick a scenario and run the incident as its coordinator. Every scenario is a scripted major incident played against a simulated clock and scored on severity, escalation, communication and the RCA.</p>
      </header>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      <div className="library-controls">
        <label>
          Trainee{' '}
          <input list="trainee-names" value={trainee} onChange={(e) => setTrainee(e.target.value)} placeholder="Your name" />
        </label>
        <datalist id="trainee-names">
          {[...new Set((attempts ?? []).map((a) => a.trainee))].map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>{' '}
        <SelectField<Mode> label="Mode" value={mode} onChange={setMode} options={(['practice', 'tabletop'] as const).map((m) => ({ value: m, label: MODE_LABEL[m] }))} />
        {mode === 'tabletop' && (
          <label className="block participants">
            Participants
            <textarea value={participants} onChange={(e) => setParticipants(e.target.value)} rows={2} placeholder="Names, comma or line separated: Ana, Ben, Chloé" />
          </label>
        )}
      </div>
      <h2 id="scenarios-heading">Scenario library</h2>
      <div className="filters" role="group" aria-label="Filter and sort scenarios">
        <SelectField label="Difficulty" value={difficulty} onChange={setDifficulty} options={[{ value: 'all', label: 'All' }, ...DIFFICULTIES.map((d) => ({ value: d, label: DIFFICULTY_LABEL[d] }))]} />
        <SelectField label="Duration" value={length} onChange={setLength} options={LENGTHS.map((l) => ({ value: l.value, label: l.label }))} />
        <SelectField label="Service area" value={area} onChange={setArea} options={[{ value: 'all', label: 'All' }, ...areas.map((a) => ({ value: a, label: a }))]} />
        <SelectField label="Skill focus" value={skill} onChange={setSkill} options={[{ value: 'all', label: 'All' }, ...SKILLS.map((k) => ({ value: k, label: k }))]} />
        <SelectField label="Sort by" value={sort} onChange={setSort} options={[{ value: 'title', label: 'Title' }, { value: 'difficulty', label: 'Difficulty' }, { value: 'duration', label: 'Duration' }]} />
      </div>
      {entries.length === 0 && <p>No scenarios found in scenarios/.</p>}
      {entries.length > 0 && shownScenarios.length === 0 && <p>No scenario matches these filters.</p>}
      <ul className="cards" aria-labelledby="scenarios-heading">
        {shownScenarios.map((entry) =>
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
                {importedButtons(entry)}
                <button type="button" className="primary" disabled={starting} onClick={() => void start(entry.scenario?.spec.id ?? '')} aria-label={`Start ${entry.scenario.spec.title}`}>
                  Start
                </button>{' '}
                <button type="button" disabled={starting} onClick={() => void start(entry.scenario?.spec.id ?? '', 'rca')} aria-label={`Write the RCA for ${entry.scenario.spec.title}`}>
                  Write the RCA
                </button>
              </article>
            </li>
          ) : (
            <li key={entry.file} className="card card-invalid">
              <article aria-label={`${entry.file} (invalid)`}>
                <h3>{entry.file}</h3>
                <p>{entry.imported ? 'A draft with problems: it cannot be started until they are fixed on the Author page.' : 'This scenario file has problems and cannot be played:'}</p>
                {importedButtons(entry)}
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
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">Your attempts</h2>
        <p>
          <a
            href="/history"
            onClick={(e) => {
              e.preventDefault();
              navigate('/history');
            }}
          >
            History and progress charts
          </a>{' '}
          ·{' '}
          <a
            href="/author"
            onClick={(e) => {
              e.preventDefault();
              navigate('/author');
            }}
          >
            Author a scenario
          </a>{' '}
          ·{' '}
          <a
            href="/interview/new"
            onClick={(e) => {
              e.preventDefault();
              navigate('/interview/new');
            }}
          >
            Set up an interview
          </a>{' '}
          ·{' '}
          <a
            href="/interview/compare"
            onClick={(e) => {
              e.preventDefault();
              navigate('/interview/compare');
            }}
          >
            Compare interview candidates
          </a>
        </p>
        <p className="import">
          <label>
            Import attempt file{' '}
            <input type="file" accept=".json,application/json" onChange={(e) => void onImport(e.target.files).then(() => (e.target.value = ''))} />
          </label>
        </p>
        {attempts && attempts.length > 0 && (
          <p>
            <button type="button" onClick={() => void transfer().then((t) => t.exportScoresCsv()).then((message) => message && setError(message), (error: Error) => setError(error.message))}>
              Export scores (CSV)
            </button>
          </p>
        )}
        {notice && (
          <p role="status" className="banner banner-ok">
            {notice}
          </p>
        )}
        {attempts === undefined && !error && <p>Loading…</p>}
        {attempts?.length === 0 && <p>No attempts yet in this browser.</p>}
        {attempts && attempts.length > 0 && (
          <table className="attempts">
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Trainee</th>
                <th scope="col">Mode</th>
                <th scope="col">Started</th>
                <th scope="col">State</th>
                <th scope="col">Score</th>
                <th scope="col">
                  <span className="visually-hidden">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>{a.scenarioTitle}</td>
                  <td>{a.trainee}</td>
                  <td>{a.mode}</td>
                  <td>{new Date(a.createdAt).toLocaleString()}</td>
                  <td>{STATUS_LABEL[a.status]}</td>
                  <td>{a.mode === 'interview' ? (a.status === 'scored' ? 'Locked' : '–') : (a.total ?? '–')}</td>
                  <td className="row-buttons">
                    <button type="button" onClick={() => void transfer().then((t) => t.exportAttempt(a.id)).then((message) => message && setError(message), (error: Error) => setError(error.message))} aria-label={`Export ${a.scenarioTitle} (${new Date(a.createdAt).toLocaleString()})`}>
                      Export
                    </button>{' '}
                    {a.mode === 'interview' && (
                      <>
                        <button type="button" onClick={() => navigate(`/interview/${a.id}`)} aria-label={`Interview scorecard ${a.scenarioTitle} (${new Date(a.createdAt).toLocaleString()})`}>
                          Scorecard
                        </button>{' '}
                      </>
                    )}
                    {a.status === 'scored' && a.mode !== 'interview' && (
                      <>
                        <button type="button" onClick={() => navigate(`/debrief/${a.id}`)} aria-label={`Debrief ${a.scenarioTitle} (${new Date(a.createdAt).toLocaleString()})`}>
                          Debrief
                        </button>{' '}
                      </>
                    )}
                    <button type="button" onClick={() => navigate(`/play/${a.id}`)} aria-label={`${a.status === 'scored' ? 'Open' : 'Resume'} ${a.scenarioTitle} (${new Date(a.createdAt).toLocaleString()})`}>
                      {a.status === 'scored' ? 'Open' : 'Resume'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </main>
  );
}
