import { usePgliteTemplate } from '../fixtures/pglite-template';

/** The few unit suites that start a central server on PGlite skip initdb (see pglite-template.ts). */
export default async function globalSetup(): Promise<void> {
  await usePgliteTemplate();
}
