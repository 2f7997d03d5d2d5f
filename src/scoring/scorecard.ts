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

export interface DimensionScore {
  readonly score: number;
  readonly weight: number;
  readonly evidence: readonly EvidenceLine[];
}

export const DIMENSIONS = ['severity', 'escalation', 'communication', 'rca'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Scorecard {
  readonly scenario: string;
  readonly total: number;
  readonly dimensions: Readonly<Record<Dimension, DimensionScore>>;
}

/** Rounds each line to whole points and sums them, so the score is exactly what the lines say. */
export function dimension(weight: number, lines: readonly EvidenceLine[]): DimensionScore {
  const evidence = lines.map((line) => ({ ...line, points: Math.round(line.points) }));
  const sum = evidence.reduce((acc, line) => acc + line.points, 0);
  return { score: Math.max(0, Math.min(100, sum)), weight, evidence };
}
