// `npm install`/`npm ci` run this (the prepare script): build dist/ and web/dist unless they are already newer than
// every source file. `npx fulcrum` in a checkout runs prepare again before its first use, and then finds the build
// current instead of rebuilding it.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time below `dir` (files only), or 0 when it does not exist. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Oldest modification time of the build outputs' marker files, or 0 when one is missing. */
function built() {
  const marks = [join(root, 'dist', 'cli', 'main.js'), join(root, 'web', 'dist', 'index.html')];
  return marks.every(existsSync) ? Math.min(...marks.map((m) => statSync(m).mtimeMs)) : 0;
}

const sources = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'web', 'src')),
  ...['package.json', 'tsconfig.json', join('web', 'tsconfig.json'), join('web', 'vite.config.ts'), join('web', 'index.html')].map((f) =>
    existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0,
  ),
);
if (built() > sources) console.log('fulcrum: build is current (dist/, web/dist/)');
else execSync('npm run build', { cwd: root, stdio: 'inherit' });
