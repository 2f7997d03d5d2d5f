import type { LoadedScenario } from '../../scenario/loader.ts';
import type { ExerciseView } from '../../engine/exercise-view.ts';

const W = 150;
const H = 46;
const GAP_X = 56;
const GAP_Y = 14;

/** Services laid out by dependency depth, with their dependencies drawn, coloured by health. */
export function HealthMap({ scenario, view }: { readonly scenario: LoadedScenario; readonly view: ExerciseView }) {
  const services = scenario.spec.services;
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string> = new Set()): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const deps = services.find((s) => s.id === id)?.dependsOn ?? [];
    const d = deps.length === 0 ? 0 : 1 + Math.max(...deps.map((dep) => depthOf(dep, seen)));
    depth.set(id, d);
    return d;
  };
  const columns = new Map<number, string[]>();
  for (const s of services) {
    const d = depthOf(s.id);
    columns.set(d, [...(columns.get(d) ?? []), s.id]);
  }
  const pos = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of columns) ids.forEach((id, row) => pos.set(id, { x: 8 + d * (W + GAP_X), y: 8 + row * (H + GAP_Y) }));
  const width = 16 + (Math.max(...columns.keys()) + 1) * (W + GAP_X) - GAP_X;
  const height = 16 + Math.max(...[...columns.values()].map((c) => c.length)) * (H + GAP_Y) - GAP_Y;

  return (
    <section className="panel health" aria-label="Service health">
      <h2>Service health</h2>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" aria-hidden="true">
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#8a94a6" />
          </marker>
        </defs>
        {services.flatMap((s) =>
          (s.dependsOn ?? []).map((dep) => {
            const from = pos.get(dep);
            const to = pos.get(s.id);
            if (!from || !to) return null;
            return <line key={`${dep}-${s.id}`} x1={from.x + W} y1={from.y + H / 2} x2={to.x} y2={to.y + H / 2} stroke="#8a94a6" strokeWidth="1.5" markerEnd="url(#arrow)" />;
          }),
        )}
        {services.map((s) => {
          const p = pos.get(s.id);
          const health = view.health[s.id] ?? 'healthy';
          if (!p) return null;
          return (
            <g key={s.id} className={`node node-${health}`} transform={`translate(${p.x} ${p.y})`}>
              <rect width={W} height={H} rx="6" />
              <text x="8" y="18" className="node-name">
                {shortName(s.name)}
              </text>
              <text x="8" y="36" className="node-state">
                {health}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="health-list visually-hidden">
        {services.map((s) => (
          <li key={s.id} className={`health-${view.health[s.id] ?? 'healthy'}`}>
            <span className="dot" aria-hidden="true" /> {s.name}: <strong>{view.health[s.id] ?? 'healthy'}</strong>
            {s.dependsOn?.length ? <span className="deps"> (depends on {s.dependsOn.map((d) => services.find((x) => x.id === d)?.name ?? d).join(', ')})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Corporate SSO (IdP federation service)" -> "Corporate SSO": the box is small; the list below has the full name. */
function shortName(name: string): string {
  const base = name.replace(/\s*\(.*\)\s*$/, '');
  return base.length > 21 ? `${base.slice(0, 20)}…` : base;
}
