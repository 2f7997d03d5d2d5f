/**
 * The attempt export file: a versioned JSON document with the attempt, the scenario's content
 * hash, the full log and a checksum. PUBLIC FORMAT: bump ATTEMPT_FILE_VERSION and teach
 * `readAttemptFile` to upgrade the old version whenever the shape changes.
 */
import { z } from 'zod';
import { contentHash, type LoadedScenario } from '../scenario/loader.ts';
import { canonicalJson } from '../engine/canonical-json.ts';
import { restoreFromLog } from '../engine/replay.ts';
import type { LogEntry } from '../engine/attempt-log.ts';
import { MODES } from '../engine/check-action.ts';
import type { AttemptRecord } from './db.ts';

export const ATTEMPT_FILE_FORMAT = 'incident-drill/attempt';
export const ATTEMPT_FILE_VERSION = 1;

/**
 * Limits on an imported attempt file: checked before the file is read (size) and before the
 * log is validated and replayed (entries), so a huge file is refused with a message instead
 * of freezing the page. A long real attempt has a few hundred entries and is under 200 kB.
 */
export const ATTEMPT_FILE_LIMITS = { maxBytes: 20_000_000, maxLogEntries: 20_000 } as const;

/** A size in words, e.g. "50.0 MB", for messages. */
export const formatSize = (bytes: number): string => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.ceil(bytes / 1000)} kB`);

/** Why a file of this many bytes is refused before reading it, or undefined when it may be read. */
export function attemptFileTooBig(bytes: number): string | undefined {
  return bytes > ATTEMPT_FILE_LIMITS.maxBytes ? `the file is ${formatSize(bytes)}; an attempt file may be at most ${formatSize(ATTEMPT_FILE_LIMITS.maxBytes)}, so it was not read.` : undefined;
}

const AttemptPart = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'attempt.id must be letters, digits, "-" or "_"' }),
  scenarioId: z.string().min(1),
  scenarioHash: z.string().regex(/^[0-9a-f]{64}$/, { error: 'attempt.scenarioHash must be a sha-256 hex digest' }),
  scenarioTitle: z.string(),
  mode: z.enum(MODES),
  seed: z.number().int(),
  status: z.enum(['in-progress', 'resolved', 'scored']),
  simTime: z.number().int().min(0),
  createdAt: z.string(),
  trainee: z.string().optional(),
  participants: z.array(z.string()).optional(),
});

const LogPart = z.array(z.object({ seq: z.number().int().min(0), t: z.number().int().min(0), type: z.string().min(1), payload: z.record(z.string(), z.unknown()) }));

const FileSchema = z.object({
  format: z.literal(ATTEMPT_FILE_FORMAT, { error: `this is not an Incident Drill attempt file (expected "format": "${ATTEMPT_FILE_FORMAT}")` }),
  version: z.number().int(),
  exportedAt: z.string().optional(),
  attempt: AttemptPart,
  log: LogPart,
  checksum: z.string(),
});

type FileBody = Pick<z.infer<typeof FileSchema>, 'format' | 'version' | 'attempt' | 'log'>;

const checksumOf = ({ format, version, attempt, log }: FileBody): string => contentHash(canonicalJson({ format, version, attempt, log }));

/** The file for one stored attempt. */
export function writeAttemptFile(attempt: AttemptRecord, log: readonly LogEntry[], exportedAt: string): string {
  const body: FileBody = {
    format: ATTEMPT_FILE_FORMAT,
    version: ATTEMPT_FILE_VERSION,
    attempt: {
      id: attempt.id,
      scenarioId: attempt.scenarioId,
      scenarioHash: attempt.scenarioHash,
      scenarioTitle: attempt.scenarioTitle,
      mode: attempt.mode,
      seed: attempt.seed,
      status: attempt.status,
      simTime: attempt.simTime,
      createdAt: attempt.createdAt,
      trainee: attempt.trainee,
      ...(attempt.participants ? { participants: [...attempt.participants] } : {}),
    },
    log: log.map((entry) => ({ seq: entry.seq, t: entry.t, type: entry.type, payload: { ...entry.payload } })),
  };
  return `${JSON.stringify({ ...body, exportedAt, checksum: checksumOf(body) }, null, 2)}\n`;
}

export type ReadResult = { readonly ok: true; readonly attempt: FileBody['attempt']; readonly log: LogEntry[]; readonly scenario: LoadedScenario } | { readonly ok: false; readonly message: string };

/**
 * Checks an attempt file before anything is stored: readable JSON, the right format and
 * version, an intact checksum, a scenario this app has in the same version, and a log that
 * replays to exactly itself. Any failure says what is wrong.
 */
export function readAttemptFile(text: string, findScenario: (id: string) => LoadedScenario | undefined): ReadResult {
  const tooBig = attemptFileTooBig(text.length);
  if (tooBig) return { ok: false, message: tooBig.charAt(0).toUpperCase() + tooBig.slice(1) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}); it may be truncated or not an attempt export.` };
  }
  const entries = (data as { log?: unknown } | null)?.log;
  if (Array.isArray(entries) && entries.length > ATTEMPT_FILE_LIMITS.maxLogEntries) return { ok: false, message: `The file's log has ${entries.length} entries; an attempt may have at most ${ATTEMPT_FILE_LIMITS.maxLogEntries}, so it was not imported.` };
  const parsed = FileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, message: `The file is not a valid attempt export${where}: ${issue?.message ?? 'unknown problem'}.` };
  }
  const file = parsed.data;
  if (file.version !== ATTEMPT_FILE_VERSION) return { ok: false, message: `The file is version ${file.version} of the attempt format; this app reads version ${ATTEMPT_FILE_VERSION}. Update the app to import it.` };
  if (checksumOf(file) !== file.checksum) return { ok: false, message: 'The file was changed after it was exported (its checksum does not match its contents), so it cannot be trusted as a record of the attempt.' };
  const scenario = findScenario(file.attempt.scenarioId);
  if (!scenario) return { ok: false, message: `The attempt was played on the scenario "${file.attempt.scenarioId}", which this app does not have.` };
  if (scenario.hash !== file.attempt.scenarioHash) return { ok: false, message: `The attempt was played on a different version of "${scenario.spec.title}" (scenario hash ${file.attempt.scenarioHash.slice(0, 12)}…, this app has ${scenario.hash.slice(0, 12)}…), so it would not re-score the same.` };
  const log = file.log as unknown as LogEntry[];
  if (log.some((entry, i) => entry.seq !== i)) return { ok: false, message: 'The log is out of order or has gaps (sequence numbers must run 0, 1, 2, …).' };
  let mismatch: string | undefined;
  try {
    mismatch = restoreFromLog(scenario, log, file.attempt.simTime).mismatch;
  } catch (error) {
    mismatch = error instanceof Error ? error.message : String(error);
  }
  if (mismatch) return { ok: false, message: `The log does not replay on "${scenario.spec.title}" (${mismatch}); it is not a record this app produced.` };
  return { ok: true, attempt: file.attempt, log, scenario };
}
