/** Plain words for the operating-system errors a user can cause with a path or a port. */
const WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'a file is in the way',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EADDRINUSE: 'the port is already in use',
  EADDRNOTAVAIL: 'this address is not on this machine',
};

/** An error from a file or network call in words ("no such file or directory (ENOENT)"), else its message. */
export function systemErrorText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code && WORDS[code]) return `${WORDS[code]} (${code})`;
  return code ?? (e as Error)?.message ?? String(e);
}
