import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why a file cannot be written at `path` (checked before any work is done), or undefined when it can. */
export function outputPathProblem(path: string): string | undefined {
  if (path.trim() === '') return 'needs a file path';
  const full = resolve(path);
  if (existsSync(full) && statSync(full).isDirectory()) return `${path} is a directory; give a file name`;
  const dir = dirname(full);
  if (!existsSync(dir)) return `no such directory: ${dirname(path)}`;
  if (!statSync(dir).isDirectory()) return `${dirname(path)} is not a directory`;
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    return `cannot write in ${dirname(path)}: permission denied`;
  }
  return undefined;
}
