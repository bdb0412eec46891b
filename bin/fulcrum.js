#!/usr/bin/env node
// Entry point of the `fulcrum` command: runs the compiled CLI (built by `npm install` via the prepare script).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
