// Starts the TypeScript demo data worker when the server runs from source (tsx): a worker thread
// does not inherit the parent's loader, so it registers tsx before importing its real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
