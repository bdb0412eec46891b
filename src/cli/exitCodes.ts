import { formatIssue, InputError, type Issue } from '../scenario/issues.js';
import type { Io } from './io.js';

/** Exit codes of the command-line contract (DESIGN.md): 0 success, 1 internal failure, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** Prints one line per issue to stderr and returns exit code 2. */
export function reportIssues(io: Io, issues: readonly Issue[]): number {
  for (const i of issues) io.err(`error: ${formatIssue(i)}\n`);
  return EXIT_INPUT;
}

/** Prints warnings (non-fatal issues) to stderr. */
export function reportWarnings(io: Io, warnings: readonly Issue[]): void {
  for (const w of warnings) io.err(`warning: ${formatIssue(w)}\n`);
}

/** Throws an InputError for one problem: the CLI turns it into exit code 2 with a clear message. */
export function usage(message: string, path?: string): never {
  throw new InputError([path ? { path, message } : { message }]);
}
