// Worker threads start here: register tsx so the worker can load the TypeScript source.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
