// Starts a TypeScript worker when the host itself runs from source (tsx, vitest): a worker thread
// does not inherit the parent's loader, so it registers tsx before importing its real entry.
// Bundled builds start their compiled worker directly and never load this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
