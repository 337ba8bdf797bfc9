// Worker threads do not inherit the main thread's tsx loader (bin/huxun.js registers it in code),
// so the worker registers it before loading the TypeScript module.
import { register } from 'tsx/esm/api';

register();
await import('./findings-worker.ts');
