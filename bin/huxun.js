#!/usr/bin/env node
// Everything Huxun writes is private to the person running it (files 0600, folders 0700). The code sets
// explicit modes where it creates files; this umask is the belt for anything a library creates on its own.
process.umask(0o077);
// Runs the TypeScript sources through tsx so a checkout works without a build step.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
