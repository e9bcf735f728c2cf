import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no cross-process locking: two servers on one data folder corrupt it. A second
 * `npm start`, or a forgotten server in another terminal, is refused with a clear message
 * instead. The lock is a file holding the owner's pid; a lock left by a process that died is
 * taken over.
 */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(path, 'utf8').trim());
      if (isAlive(owner)) {
        throw new Error(
          `another Kalma server (pid ${owner}) is using ${dir}; stop it first or set KALMA_DATA_DIR to another folder ` +
            `(if no server is running, delete ${path})`,
          { cause: error },
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}: another server is starting on it at the same moment`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
