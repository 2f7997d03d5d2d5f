/**
 * Simulated time. Everything in the core is measured in simulated milliseconds since the
 * exercise started; the brand keeps it from being mixed up with wall-clock milliseconds.
 */
export type SimMs = number & { readonly __unit: 'sim-ms' };

export const simMs = (ms: number): SimMs => ms as SimMs;

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Parses `90s`, `5m`, `1h30m`, `0m`; returns undefined for anything else. */
export function parseDuration(text: string): SimMs | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || text.trim() === '') return undefined;
  const [, h, m, s] = match;
  if (h === undefined && m === undefined && s === undefined) return undefined;
  return simMs(((Number(h ?? 0) * 60 + Number(m ?? 0)) * 60 + Number(s ?? 0)) * 1000);
}

export const isDuration = (text: string): boolean => parseDuration(text) !== undefined;

/** The inverse of parseDuration, shortest form: 90000 -> "1m30s", 0 -> "0m". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return parts === '' ? '0m' : parts;
}

/** "08:40" + 7 minutes -> "08:47" (wraps past midnight). */
export function clockTime(clockStart: string, t: number): string {
  const [hh, mm] = clockStart.split(':').map(Number);
  const minutes = ((hh ?? 0) * 60 + (mm ?? 0) + Math.floor(t / 60000)) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "2 min", "45 s", "1 h 5 min": for sentences in evidence lines. */
export function spokenDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.round((total % 3600) / 60);
  return h ? `${h} h${m ? ` ${m} min` : ''}` : `${m} min`;
}

/**
 * The inverse of clockTime: "10:05" on a scenario starting at "09:40" -> 25 minutes. A time of
 * day before the start means the next day (the clock wraps past midnight). Undefined unless HH:MM.
 */
export function offsetOfClockTime(clockStart: string, time: string): number | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(time);
  if (!match) return undefined;
  const hh = Number(match[1]);
  const mm = Number(match[2]);
  if (hh > 23 || mm > 59) return undefined;
  const [sh, sm] = clockStart.split(':').map(Number);
  const minutes = (hh * 60 + mm - ((sh ?? 0) * 60 + (sm ?? 0)) + 24 * 60) % (24 * 60);
  return minutes * 60000;
}
