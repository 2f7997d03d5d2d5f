/**
 * The rubric: every weight and every point value the scorers use, in one place.
 * docs/scoring.md explains each one; change both together.
 */
import type { Dimension } from './scorecard.ts';
import type { Mode } from '../engine/check-action.ts';

/** Weights of the four dimensions in the total, per mode. */
export const WEIGHTS: Record<Mode, Record<Dimension, number>> = {
  practice: { severity: 25, escalation: 25, communication: 25, rca: 25 },
  tabletop: { severity: 25, escalation: 25, communication: 25, rca: 25 },
  interview: { severity: 25, escalation: 25, communication: 25, rca: 25 },
  // The "Write the RCA" exercise is scored on the RCA alone.
  rca: { severity: 0, escalation: 0, communication: 0, rca: 100 },
};

export const SEVERITY = {
  /** Priority set soon after impact begins. Full marks within `setWithin`, none at 3× that. */
  firstSet: 20,
  defaultSetWithin: '10m',
  /** Time-weighted agreement of the priority in force with the expected one. */
  accuracy: 45,
  /** Re-assessing when the expected level changes, within `reassessWithin`. */
  reassess: 25,
  defaultReassessWithin: '10m',
  /** Points for a re-assessment made, but later than the window. */
  lateReassessShare: 0.5,
  /** Declaring a major incident by the scenario's deadline. */
  major: 10,
  /** How much a minute at the wrong level costs, relative to a minute with no priority. */
  underWeight: 1,
  overByOneWeight: 0.4,
  overByMoreWeight: 0.7,
} as const;

export const ESCALATION = {
  /** Shares of each required escalation's points. */
  timelyShare: 0.55,
  evidenceShare: 0.25,
  noteShare: 0.2,
  /** After the deadline, timeliness points fall linearly to this share at deadline + lateWindow. */
  lateWindow: '30m',
  lateFloorShare: 0.1,
  wrongTarget: -10,
  duplicate: -5,
  duplicateWindow: '15m',
} as const;

export const COMMUNICATION = {
  cadence: 50,
  resolutionNotice: 10,
  quality: 40,
  /** Default update cadence per priority when the scenario does not say. */
  defaultCadence: { P1: '15m', P2: '30m', P3: '60m', P4: '120m' },
  missingAudience: -5,
  speculation: -4,
  jargon: -4,
  blame: -6,
  maxLanguagePenalty: -20,
} as const;

export const RCA = {
  proximate: 20,
  root: 30,
  contributing: 15,
  actionKinds: 6,
  actionCoverage: 9,
  actionQuality: 20,
  blame: -10,
  maxBlamePenalty: -30,
  /** A root cause with no causal wording ("because", "led to", "without") earns this share. */
  noCausalShare: 0.5,
  /** Past this many words, a cause statement is not precise: matched concepts count less. */
  preciseWords: 60,
} as const;

/**
 * The rubric's version: shown with every interview scorecard and comparison, so candidates
 * scored months apart can be compared only when they were scored by the same rules. Bump it
 * whenever a number in this file or a scorer's rule changes.
 */
export const RUBRIC_VERSION = '2026.11';

/** Interview hire signal per dimension: a score at or above `strong` is strong, at or above `meets` meets the bar. */
export const HIRE_SIGNAL = { strong: 80, meets: 60 } as const;

export type HireSignal = 'strong' | 'meets' | 'below';

/** How each hire signal is named on the scorecard and the comparison. */
export const SIGNAL_LABEL: Readonly<Record<HireSignal, string>> = { strong: 'Strong', meets: 'Meets the bar', below: 'Below the bar' };

/** The thresholds in words, shown wherever hire signals are. */
export const hireSignalLegend = (): string => `Hire signal per dimension: strong ≥ ${HIRE_SIGNAL.strong}, meets ≥ ${HIRE_SIGNAL.meets}, below under ${HIRE_SIGNAL.meets}.`;

export function hireSignal(score: number): HireSignal {
  if (score >= HIRE_SIGNAL.strong) return 'strong';
  if (score >= HIRE_SIGNAL.meets) return 'meets';
  return 'below';
}
