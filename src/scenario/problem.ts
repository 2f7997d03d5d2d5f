/** A problem a user caused in a file: a value, never an exception. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  /** Where in the document, e.g. `phases.degraded.timeline[1].at`; `(yaml)` for syntax errors. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(document)' : out;
}

/** `file:LINE path: message` — the one line format every command prints. */
export function formatProblem(problem: Problem): string {
  const tag = problem.severity === 'warning' ? 'warning: ' : '';
  // One problem, one line: values quoted in a message may contain line breaks.
  const flat = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
  return `${problem.file}:${problem.line} ${flat(problem.path)}: ${tag}${flat(problem.message)}`;
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
