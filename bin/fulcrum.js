#!/usr/bin/env node
// Entry point of the `fulcrum` command: runs the compiled CLI (built by `npm install` via the prepare script).
import { main } from '../dist/cli/main.js';

// A closed pipe (`fulcrum … | head`) ends the output quietly, as in other command-line tools.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await main(process.argv.slice(2));
