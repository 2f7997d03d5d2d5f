/**
 * A generated "storm" scenario for the benchmark: the shipped monitoring-alert-storm scenario with
 * `injects` extra alerts spread over its first phase's 60 minutes, and `actions` trainee
 * acknowledgements of those alerts. Deterministic (no randomness): same sizes, same text.
 */
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { formatDuration } from '../src/scenario/duration.ts';

const BASE = 'scenarios/monitoring-alert-storm.yaml';
const LEVELS = ['critical', 'warning', 'info'] as const;

export interface Storm {
  readonly text: string;
  readonly actions: { readonly t: number; readonly action: { readonly type: 'alert.acknowledge'; readonly alert: string } }[];
  readonly durationMs: number;
}

/** The scenario text with `injects` noise alerts in the first phase, and `actions` acknowledgements in time order. */
export function stormScenario(injects: number, actions: number, minutes = 60, spanMinutes = minutes): Storm {
  const doc = parse(readFileSync(BASE, 'utf8')) as { id: string; title: string; phases: Record<string, { timeline: unknown[] }>; duration: string };
  doc.id = `bench-storm-${injects}`;
  doc.title = `Bench storm: ${injects} alerts`;
  doc.duration = `${minutes}m`;
  const first = Object.values(doc.phases)[0] as { timeline: unknown[]; after?: unknown } | undefined;
  if (!first) throw new Error('the base scenario has no phase');
  // The storm goes on for the whole scenario: no timed way out of the first phase (the trainee's ways out stay).
  first.after = { [`${minutes}m`]: 'log-full' };
  const spanMs = spanMinutes * 60_000 - 1000;
  for (let i = 0; i < injects; i++) {
    const at = Math.floor((i * spanMs) / injects / 1000) * 1000;
    first.timeline.push({
      at: formatDuration(at),
      alert: {
        id: `storm-${i}`,
        service: 'dc-servers',
        source: 'Zabbix',
        level: LEVELS[i % 3],
        noise: true,
        text: `PROBLEM: host-${String(i % 640).padStart(3, '0')}.hlx.local: Host unreachable: no agent data for 0m (storm alert ${i + 1} of ${injects}).`,
      },
    });
  }
  const list: Storm['actions'] = [];
  const every = Math.max(1, Math.floor(injects / Math.max(1, actions)));
  for (let k = 0; k < actions; k++) {
    const i = Math.min(injects - 1, k * every);
    const at = Math.floor((i * spanMs) / injects / 1000) * 1000 + 1000;
    list.push({ t: at, action: { type: 'alert.acknowledge', alert: `storm-${i}` } });
  }
  return { text: stringify(doc, { lineWidth: 0 }), actions: list, durationMs: minutes * 60_000 };
}
