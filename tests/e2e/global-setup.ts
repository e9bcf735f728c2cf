import { usePgliteTemplate } from '../fixtures/pglite-template';

/** Every central server the specs start (in this process, in workers, as processes) skips initdb. */
export default async function globalSetup(): Promise<void> {
  await usePgliteTemplate();
}
