/** Errors as data: every problem found in an input is one `Issue`, rendered by the CLI/UI (DESIGN.md convention 4). */

export interface Issue {
  /** File the problem is in, when there is one. */
  file?: string;
  /** 1-based line number, when known. */
  line?: number;
  /** Field path, e.g. `actors[2].capability`. */
  path?: string;
  message: string;
}

/** Result of a validation or parse step: a value, or the list of problems found. */
export type Result<T> =
  | {
      ok: true;
      value: T;
      warnings: Issue[];
      /** For files with line information: the 1-based line of a field path in the source file. */
      locate?: (path: (string | number)[]) => number | undefined;
    }
  | { ok: false; issues: Issue[] };

/** A successful result with optional warnings. */
export const ok = <T>(value: T, warnings: Issue[] = []): Result<T> => ({ ok: true, value, warnings });

/** A failed result. */
export const fail = <T>(issues: Issue[]): Result<T> => ({ ok: false, issues });

/** Formats a field path as `actors[2].position.presence`. */
export function formatPath(path: readonly (string | number)[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/** Renders an issue as one line: `file:line: field: message`. */
export function formatIssue(issue: Issue): string {
  const where = issue.file ? (issue.line ? `${issue.file}:${issue.line}` : issue.file) : '';
  const parts = [where, issue.path, issue.message].filter((p) => p !== undefined && p !== '');
  return parts.join(': ');
}

/** Thrown by edges (CLI option parsing) to report bad input; never escapes as a stack trace. */
export class InputError extends Error {
  constructor(public readonly issues: Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'InputError';
  }
}
