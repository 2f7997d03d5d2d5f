import { Graph, layout } from '@dagrejs/dagre';
import { useMemo } from 'react';
import type { PhaseEdge, PhaseNode } from './phase-graph.ts';

const W = 170;
const H = 50;
const LINE = 14;
/** Roughly how wide one character of an edge label is at 11px; dagre needs label sizes to keep them apart. */
const CHAR = 6.2;

/**
 * The compiled machine drawn as a diagram: one box per phase, arrows for its transitions,
 * each labelled with every way it is taken. Layout (ranks left to right, label positions,
 * edge routes) is dagre's; this only draws. Unreachable phases are dashed.
 */
export function StatechartDiagram({ nodes, edges }: { readonly nodes: readonly PhaseNode[]; readonly edges: readonly PhaseEdge[] }) {
  const drawn = useMemo(() => {
    const g = new Graph({ multigraph: false });
    g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, edgesep: 16, marginx: 24, marginy: 16 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of nodes) g.setNode(node.id, { width: W, height: H });
    for (const edge of edges) g.setEdge(edge.from, edge.to, { width: Math.max(...edge.labels.map((l) => l.length)) * CHAR + 8, height: edge.labels.length * LINE + 4, labelpos: 'c' });
    layout(g);
    const size = g.graph();
    return {
      width: Math.ceil(size.width ?? 0),
      height: Math.ceil(size.height ?? 0),
      nodes: nodes.map((node) => ({ node, at: g.node(node.id) })),
      edges: edges.map((edge) => ({ edge, at: g.edge(edge.from, edge.to) })),
    };
  }, [nodes, edges]);

  return (
    <svg className="statechart-diagram" viewBox={`0 0 ${drawn.width} ${drawn.height}`} width={drawn.width} height={drawn.height} role="img" aria-label={`Statechart: ${nodes.length} phases, ${edges.length} transitions`}>
      <defs>
        <marker id="statechart-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="#3b4556" />
        </marker>
      </defs>
      {drawn.edges.map(({ edge, at }) => (
        <g key={`${edge.from}→${edge.to}`} className="statechart-edge">
          <title>{`${edge.from} → ${edge.to}: ${edge.labels.join(', ')}`}</title>
          <path d={smoothPath(at.points ?? [])} fill="none" stroke="#3b4556" strokeWidth={1.4} markerEnd="url(#statechart-arrow)" />
          <text x={at.x} y={(at.y ?? 0) - ((edge.labels.length - 1) * LINE) / 2 + 4} textAnchor="middle" className="statechart-edge-label">
            {edge.labels.map((label, i) => (
              <tspan key={label} x={at.x} dy={i === 0 ? 0 : LINE}>
                {label}
              </tspan>
            ))}
          </text>
        </g>
      ))}
      {drawn.nodes.map(({ node, at }) => {
        const [x, y] = [at.x - W / 2, at.y - H / 2];
        return (
          <g key={node.id} className="statechart-node" data-phase={node.id}>
            <title>{`${node.id}: ${node.title}${node.initial ? ' (start)' : ''}${node.resolved ? ' (resolved: the incident can be closed here)' : ''}${node.reachable ? '' : ' (unreachable)'}`}</title>
            <rect x={x} y={y} width={W} height={H} rx={8} fill={node.resolved ? '#e7f6ec' : '#fff'} stroke={node.reachable ? '#3b4556' : '#b42318'} strokeWidth={node.resolved || node.initial ? 3 : 1.4} strokeDasharray={node.reachable ? undefined : '5 4'} />
            <text x={at.x} y={y + 20} textAnchor="middle" className="statechart-node-id">
              {node.initial ? `▶ ${node.id}` : node.id}
            </text>
            <text x={at.x} y={y + 38} textAnchor="middle" className="statechart-node-title">
              {node.title.length > 25 ? `${node.title.slice(0, 24)}…` : node.title}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A route through dagre's points, rounded at each bend. */
function smoothPath(points: readonly { readonly x: number; readonly y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (rest.length < 2) return `M${first.x},${first.y} ${rest.map((p) => `L${p.x},${p.y}`).join(' ')}`;
  let d = `M${first.x},${first.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const bend = rest[i]!;
    const next = rest[i + 1]!;
    const mid = i === rest.length - 2 ? next : { x: (bend.x + next.x) / 2, y: (bend.y + next.y) / 2 };
    d += ` Q${bend.x},${bend.y} ${mid.x},${mid.y}`;
  }
  return d;
}
