import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SESSION_ID = /^[0-9a-f-]{36}$/;

/**
 * Role-play recordings kept on this machine, one file per session under the data folder (only the
 * person's own OS account can read it). The recording is training material the trainee agreed to:
 * it is never a customer call's audio, and it lives apart from the customer cache.
 */
export class LocalRecordings {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'roleplay-recordings');
  }

  save(sessionId: string, mimeType: string, bytes: Uint8Array): void {
    const file = this.fileFor(sessionId);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Written beside and renamed, so a crash never leaves half a recording under the real name.
    writeFileSync(`${file}.part`, bytes, { mode: 0o600 });
    writeFileSync(`${file}.type`, mimeType, { mode: 0o600 });
    renameSync(`${file}.part`, file);
  }

  /** This machine's copy, or null. */
  read(sessionId: string): { mimeType: string; bytes: Buffer } | null {
    const file = this.fileFor(sessionId);
    try {
      return { bytes: readFileSync(file), mimeType: readFileSync(`${file}.type`, 'utf8').trim() || 'audio/webm' };
    } catch {
      return null;
    }
  }

  private fileFor(sessionId: string): string {
    // The id names a file: only a UUID's characters may reach the path.
    if (!SESSION_ID.test(sessionId)) throw new Error(`not a session id: ${sessionId}`);
    return join(this.dir, `${sessionId}.webm`);
  }
}
