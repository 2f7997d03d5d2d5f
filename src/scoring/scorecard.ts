/**
 * The scorecard: what `npm run replay -- --json` prints and what the debrief shows.
 * PUBLIC SHAPE: the JSON keys are a documented format (docs/scoring.md).
 */
export interface EvidenceLine {
  /** Simulated ms since the start the line refers to, or null when it is about the whole attempt. */
  readonly t: number | null;
  /** Points this line gained (positive) or cost (negative). The dimension score is their sum, clamped to 0–100. */
  readonly points: number;
  readonly text: string;
}

/** A facilitator's change to a dimension's score, with the reason they had to give. */
export interface ScoreAdjustment {
  readonly t: number;
  readonly points: number;
  readonly reason: string;
}

export interface DimensionScore {
  /** The score: the automatic score plus any facilitator adjustments, clamped to 0–100. */
  readonly score: number;
  /** What the rubric gave, before adjustments: the sum of the evidence lines, clamped to 0–100. */
  readonly automatic: number;
  readonly adjustments: readonly ScoreAdjustment[];
  readonly weight: number;
  readonly evidence: readonly EvidenceLine[];
}

export const DIMENSIONS = ['severity', 'escalation', 'communication', 'rca'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What each dimension is called on every page, report and export. */
export const DIMENSION_LABEL: Readonly<Record<Dimension, string>> = { severity: 'Severity', escalation: 'Escalation', communication: 'Communication', rca: 'RCA quality' };

export interface Scorecard {
  readonly scenario: string;
  readonly total: number;
  readonly dimensions: Readonly<Record<Dimension, DimensionScore>>;
}

/** Rounds each line to whole points and sums them, so the score is exactly what the lines say. */
export function dimension(weight: number, lines: readonly EvidenceLine[], adjustments: readonly ScoreAdjustment[] = []): DimensionScore {
  const evidence = lines.map((line) => ({ ...line, points: Math.round(line.points) }));
  const clamp = (n: number) => Math.max(0, Math.min(100, n));
  const automatic = clamp(evidence.reduce((acc, line) => acc + line.points, 0));
  const score = clamp(automatic + adjustments.reduce((acc, a) => acc + a.points, 0));
  return { score, automatic, adjustments, weight, evidence };
}
