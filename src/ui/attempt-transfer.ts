import { attemptFileTooBig, readAttemptFile, writeAttemptFile } from '../store/attempt-file.ts';
import { attemptStore, findScenario, newAttemptId } from './app-services.ts';
import { downloadText } from './download.ts';
import { notesOf, scorecardCsv, type ScoreRow } from '../scoring/post-incident-report.ts';
import { score } from '../scoring/score.ts';

/** Downloads a stored attempt as an attempt file. Returns an error message, if any. */
export async function exportAttempt(attemptId: string): Promise<string | undefined> {
  const loaded = await attemptStore.load(attemptId);
  if (!loaded.ok) return loaded.error.message;
  const { attempt, log } = loaded.value;
  downloadText(`${attempt.scenarioId}-${attempt.id}.attempt.json`, writeAttemptFile(attempt, log, new Date().toISOString()));
  return undefined;
}

/** Checks and stores an attempt file. Nothing is stored unless every check passes. */
export async function importAttempt(file: File): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  // Checked before reading: a huge file is never loaded into memory.
  const tooBig = attemptFileTooBig(file.size);
  if (tooBig) return { ok: false, message: `"${file.name}" was not imported: ${tooBig}` };
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `"${file.name}" could not be read.` };
  }
  const read = readAttemptFile(text, findScenario);
  if (!read.ok) return { ok: false, message: `"${file.name}" was not imported: ${read.message}` };
  const stored = await attemptStore.importAttempt(read.attempt, read.log, newAttemptId);
  return stored.ok ? { ok: true, id: stored.value.id } : { ok: false, message: `"${file.name}" was not imported: ${stored.error.message}` };
}

/** Downloads every attempt's scorecard as CSV (scores only for attempts with an RCA). */
export async function exportScoresCsv(): Promise<string | undefined> {
  const list = await attemptStore.list();
  if (!list.ok) return list.error.message;
  const rows: ScoreRow[] = [];
  for (const attempt of list.value) {
    const scenario = findScenario(attempt.scenarioId);
    let card: ScoreRow['card'];
    let notes: ScoreRow['notes'] = [];
    // An interview's score is for the interviewer only (its scorecard page): left out here.
    if (scenario && attempt.status === 'scored' && attempt.mode !== 'interview') {
      const loaded = await attemptStore.load(attempt.id);
      if (loaded.ok) {
        card = score(scenario, loaded.value.log, attempt.mode);
        notes = notesOf(loaded.value.log);
      }
    }
    rows.push({ attemptId: attempt.id, scenarioId: attempt.scenarioId, mode: attempt.mode, started: attempt.createdAt, status: attempt.status, card, notes });
  }
  downloadText('incident-drill-scores.csv', scorecardCsv(rows), 'text/csv');
  return undefined;
}
