import { DIMENSION_LABEL } from '../../scoring/scorecard.ts';
import { useEffect, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AttemptRecord } from '../../store/db.ts';
import type { Scorecard } from '../../scoring/scorecard.ts';
import { DIMENSIONS } from '../../scoring/scorecard.ts';
import { score } from '../../scoring/score.ts';
import { attemptStore, findScenario } from '../app-services.ts';
import { LibraryLink } from '../page-parts.tsx';
import { SelectField } from '../select-field.tsx';

const ALL = '(all)';
const COLOURS = { total: '#1d2433', severity: '#2457c5', escalation: '#b7791f', communication: '#6a3fb5', rca: '#2e7d32' } as const;

type Row = { readonly attempt: AttemptRecord; readonly card: Scorecard | undefined };

/** `/history`: every attempt in this browser, filterable, with each dimension over attempts. */
export function HistoryPage() {
  const [rows, setRows] = useState<Row[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [trainee, setTrainee] = useState(ALL);
  const [scenario, setScenario] = useState(ALL);
  const [mode, setMode] = useState(ALL);

  useEffect(() => {
    document.title = 'History · Incident Drill';
    void (async () => {
      const list = await attemptStore.list();
      if (!list.ok) return setError(list.error.message);
      const out: Row[] = [];
      for (const attempt of [...list.value].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
        const loadedScenario = findScenario(attempt.scenarioId);
        let card: Scorecard | undefined;
        // An interview's score is for the interviewer only (its scorecard page): not shown here.
        if (loadedScenario && attempt.status === 'scored' && attempt.mode !== 'interview') {
          const loaded = await attemptStore.load(attempt.id);
          if (loaded.ok) card = score(loadedScenario, loaded.value.log, attempt.mode);
        }
        out.push({ attempt, card });
      }
      setRows(out);
    })();
  }, []);

  const shown = useMemo(
    () => (rows ?? []).filter((r) => (trainee === ALL || r.attempt.trainee === trainee) && (scenario === ALL || r.attempt.scenarioId === scenario) && (mode === ALL || r.attempt.mode === mode)),
    [rows, trainee, scenario, mode],
  );
  const options = (values: readonly string[], label: (v: string) => string = (v) => v) => [{ value: ALL, label: 'All' }, ...[...new Set(values)].sort().map((v) => ({ value: v, label: label(v) }))];
  const chartData = shown
    .filter((r) => r.card)
    .map((r, i) => ({ n: i + 1, when: new Date(r.attempt.createdAt).toLocaleDateString(), title: r.attempt.scenarioTitle, total: r.card?.total, ...Object.fromEntries(DIMENSIONS.map((d) => [d, r.card?.dimensions[d].score])) }));

  return (
    <main className="history">
      <LibraryLink />
      <h1>History</h1>
      {error && (
        <p role="alert" className="banner banner-error">
          {error}
        </p>
      )}
      {rows === undefined && !error && <p>Loading…</p>}
      {rows && (
        <>
          <div className="filters" role="group" aria-label="Filters">
            <SelectField label="Trainee" value={trainee} onChange={setTrainee} options={options(rows.map((r) => r.attempt.trainee))} />
            <SelectField label="Scenario" value={scenario} onChange={setScenario} options={options(rows.map((r) => r.attempt.scenarioId), (id) => rows.find((r) => r.attempt.scenarioId === id)?.attempt.scenarioTitle ?? id)} />
            <SelectField label="Mode" value={mode} onChange={setMode} options={options(rows.map((r) => r.attempt.mode))} />
          </div>
          <section className="panel" aria-label="Progress">
            <h2>Progress over scored attempts</h2>
            {chartData.length === 0 ? (
              <p className="empty">No scored attempts match these filters yet.</p>
            ) : (
              <div className="chart" role="figure" aria-label="Scores per dimension over attempts">
                <ResponsiveContainer width="100%" height={300}>
                  <LineChart data={chartData} margin={{ top: 10, right: 20, bottom: 20, left: 0 }} accessibilityLayer>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="n" label={{ value: 'attempt', position: 'insideBottom', offset: -10 }} />
                    <YAxis domain={[0, 100]} />
                    <Tooltip labelFormatter={(n) => chartData.find((d) => d.n === n)?.title ?? ''} />
                    <Legend />
                    <Line dataKey="total" name="Total" stroke={COLOURS.total} strokeWidth={3} isAnimationActive={false} />
                    {DIMENSIONS.map((d) => (
                      <Line key={d} dataKey={d} name={DIMENSION_LABEL[d]} stroke={COLOURS[d]} isAnimationActive={false} />
                    ))}
                  </LineChart>
                </ResponsiveContainer>
              </div>
            )}
          </section>
          <section className="panel" aria-label="Attempts">
            <h2>Attempts ({shown.length})</h2>
            <table className="attempts">
              <thead>
                <tr>
                  {['Started', 'Trainee', 'Scenario', 'Mode', 'State', 'Total', ...DIMENSIONS.map((d) => DIMENSION_LABEL[d])].map((h) => (
                    <th key={h} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {[...shown].reverse().map(({ attempt, card }) => (
                  <tr key={attempt.id}>
                    <td>{new Date(attempt.createdAt).toLocaleString()}</td>
                    <td>{attempt.trainee}</td>
                    <td>{attempt.scenarioTitle}</td>
                    <td>{attempt.mode}</td>
                    <td>{attempt.status}</td>
                    <td>{attempt.mode === 'interview' && attempt.status === 'scored' ? 'Locked' : (card?.total ?? '–')}</td>
                    {DIMENSIONS.map((d) => (
                      <td key={d}>{card?.dimensions[d].score ?? '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </main>
  );
}
