import { toDirectedGraph } from 'xstate/graph';
import { compileScenario } from '../../engine/compile-machine.ts';
import { formatDuration } from '../../scenario/duration.ts';
import type { LoadedScenario } from '../../scenario/loader.ts';

export interface PhaseNode {
  readonly id: string;
  readonly title: string;
  readonly initial: boolean;
  readonly resolved: boolean;
  /** Whether any path of transitions leads here from the start phase. */
  readonly reachable: boolean;
}

export interface PhaseEdge {
  readonly from: string;
  readonly to: string;
  /** Every way the machine takes this transition: "after 15m", "on escalate:storage", "by failover". */
  readonly labels: readonly string[];
}

/**
 * The phases and transitions of the compiled scenario machine, read from the machine itself
 * (xstate/graph), not re-derived from the file: what the Author page draws and lists.
 */
export function phaseGraph(scenario: LoadedScenario): { nodes: PhaseNode[]; edges: PhaseEdge[] } {
  const graph = toDirectedGraph(compileScenario(scenario, 0) as never);
  const edges = new Map<string, { from: string; to: string; labels: string[] }>();
  for (const node of graph.children) {
    for (const edge of node.edges) {
      const from = node.stateNode.key;
      const to = edge.target.key;
      if (from === to) continue;
      const guard = edge.transition.guard as { params?: { key?: string; mitigation?: string } } | undefined;
      const label = guard?.params?.key ? `on ${guard.params.key}` : guard?.params?.mitigation ? `by ${guard.params.mitigation}` : edge.label.text.replace(/^xstate\.after\.(\d+)\..*$/, (_m, ms: string) => `after ${formatDuration(Number(ms))}`);
      const key = `${from}→${to}`;
      const entry = edges.get(key) ?? { from, to, labels: [] };
      if (!entry.labels.includes(label)) entry.labels.push(label);
      edges.set(key, entry);
    }
  }
  const reachable = new Set([scenario.initialPhase]);
  const queue = [scenario.initialPhase];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const edge of edges.values()) {
      if (edge.from === id && !reachable.has(edge.to)) {
        reachable.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  const nodes = Object.entries(scenario.spec.phases).map(([id, phase]) => ({ id, title: phase.title ?? id, initial: id === scenario.initialPhase, resolved: phase.resolved === true, reachable: reachable.has(id) }));
  return { nodes, edges: [...edges.values()] };
}
