/**
 * Import a tabletop "master event list" (a spreadsheet saved as CSV with the columns time,
 * type, source, text) into a starter scenario. docs/authoring.md documents the mapping.
 */
import Papa from 'papaparse';
import { stringify } from 'yaml';
import { formatDuration, parseDuration } from './duration.ts';

export interface CsvProblem {
  readonly row: number;
  readonly message: string;
}

const ALERT_LEVELS: Record<string, 'info' | 'warning' | 'critical'> = { alert: 'warning', info: 'info', warning: 'warning', critical: 'critical', monitoring: 'warning' };
const CHANNELS: Record<string, 'phone' | 'ticket' | 'chat' | 'email'> = { report: 'ticket', ticket: 'ticket', call: 'phone', phone: 'phone', chat: 'chat', email: 'email', inject: 'ticket', message: 'chat' };

/** `09:05` (a time of day) or `5m` (since the start) to ms since the first event. */
function timeOf(text: string, start: number | undefined): number | undefined {
  const clock = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (clock) {
    const minutes = Number(clock[1]) * 60 + Number(clock[2]);
    return (minutes - (start ?? minutes)) * 60_000;
  }
  return parseDuration(text.trim());
}

export function csvToScenario(csv: string, id: string): { yaml: string | undefined; problems: CsvProblem[] } {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 2, message: e.message }));
  const missing = ['time', 'type', 'source', 'text'].filter((c) => !(parsed.meta.fields ?? []).includes(c));
  if (missing.length > 0) return { yaml: undefined, problems: [{ row: 1, message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: expected a header row with time, type, source, text` }] };

  const firstClock = parsed.data.map((r) => /^(\d{1,2}):(\d{2})$/.exec((r['time'] ?? '').trim())).find((m) => m !== null);
  const start = firstClock ? Number(firstClock[1]) * 60 + Number(firstClock[2]) : undefined;
  const timeline: Record<string, unknown>[] = [];
  let last = 0;
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const type = (row['type'] ?? '').trim().toLowerCase();
    const at = timeOf(row['time'] ?? '', start);
    const text = (row['text'] ?? '').trim();
    const source = (row['source'] ?? '').trim() || 'Unknown';
    if (at === undefined || at < 0) return problems.push({ row: line, message: `time "${row['time'] ?? ''}" is not a time of day like 09:05 (not before the first event) or a duration like 5m` });
    if (text === '') return problems.push({ row: line, message: 'text is empty: every event needs the words the trainee will see' });
    const level = ALERT_LEVELS[type];
    const channel = CHANNELS[type];
    if (level === undefined && channel === undefined) return problems.push({ row: line, message: `type "${row['type'] ?? ''}" is not known: expected alert, info, warning, critical (alerts) or report, ticket, call, phone, chat, email (user reports)` });
    last = Math.max(last, at);
    timeline.push(level !== undefined ? { at: formatDuration(at), alert: { id: `a-${line}`, service: 'main', source, level, text } } : { at: formatDuration(at), report: { id: `r-${line}`, from: source, channel, text } });
  });
  if (problems.length > 0) return { yaml: undefined, problems };

  const duration = formatDuration(Math.max(30 * 60_000, Math.ceil((last + 15 * 60_000) / 300_000) * 300_000));
  const clockStart = start === undefined ? '09:00' : `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`;
  const scenario = {
    id,
    title: `TODO: title for ${id}`,
    summary: `Imported from a master event list (${timeline.length} events). TODO: a summary for the library card.`,
    difficulty: 'intermediate',
    duration,
    clockStart,
    services: [{ id: 'main', name: 'TODO: the affected service' }],
    teams: [{ id: 'resolver', name: 'TODO: the resolver team' }],
    phases: {
      incident: { title: 'The incident as scripted', timeline, after: { [duration]: 'restored' }, on: { 'escalate:resolver': 'restored' } },
      restored: { title: 'Service restored', resolved: true },
    },
    evidence: {},
    mitigations: {},
    expectations: {
      severity: [{ from: '0m', level: 'P2' }],
      escalations: [{ to: 'resolver', by: formatDuration(Math.min(last + 5 * 60_000, parseDuration(duration) ?? 0)) }],
      rca: { proximateCause: [['TODO']], rootCause: [['TODO']] },
    },
    debrief: { reference: [{ at: '1m', action: 'TODO: what an expert does first', why: 'TODO: why' }] },
  };
  const header = `# yaml-language-server: $schema=./schema.json\n# Imported from a master event list. Every event is in one phase; split it into phases,\n# add evidence, mitigations and the answer key (docs/authoring.md), then: npm run check\n`;
  return { yaml: header + stringify(scenario, { lineWidth: 0 }), problems: [] };
}
