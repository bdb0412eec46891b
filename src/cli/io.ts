/** Where a command writes: injected so commands are tested in-process (DESIGN.md convention 7). */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is an interactive terminal (progress bars only then). */
  isTTY: boolean;
}

/** The process's real stdout/stderr. */
export const processIo: Io = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
};

/** An Io that records everything, for tests. */
export function memoryIo(): Io & { stdout: () => string; stderr: () => string } {
  let o = '';
  let e = '';
  return { out: (t) => void (o += t), err: (t) => void (e += t), isTTY: false, stdout: () => o, stderr: () => e };
}
