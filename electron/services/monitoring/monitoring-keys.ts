import { z } from 'zod';
import { SigningKey } from '../../../shared/api/monitoring';
import type { HostLogger } from '../host-log';
import { JsonFileStore } from '../json-file-store';

const KeysFile = z.object({
  /** Keys are the server's: a console pointed at another server must not trust the old ones. */
  serverUrl: z.string().default(''),
  keys: z.array(SigningKey).max(50).default([]),
});

/**
 * The central server's public keys for monitoring grants, kept on this machine so the console
 * trusts what it fetched while it could (a grant still arrives through the SIP server, which may
 * be reachable when the central server is not). Fetched at sign-in and again when a grant names a
 * key this console has not seen (a rotation).
 */
export class MonitoringKeys {
  private readonly file: JsonFileStore<typeof KeysFile>;
  private fetching: Promise<void> | null = null;

  constructor(
    dataDir: string,
    private readonly serverUrl: string,
    private readonly fetchKeys: () => Promise<SigningKey[]>,
    private readonly log: HostLogger,
  ) {
    this.file = new JsonFileStore(dataDir, 'monitoring-keys.json', KeysFile, 'monitoring keys', log);
  }

  current(): SigningKey[] {
    const stored = this.file.get();
    return stored.serverUrl === this.serverUrl ? stored.keys : [];
  }

  /**
   * Reads a signed token (grant, take-over order, role-play ticket); a key this console has not
   * seen yet (a rotation) is fetched once and the token read again.
   */
  async readFresh<R extends { ok: boolean; refusal?: string }>(read: (keys: SigningKey[]) => R): Promise<R> {
    const reading = read(this.current());
    if (reading.ok || reading.refusal !== 'unknown-key') return reading;
    await this.refresh();
    return read(this.current());
  }

  /** One fetch at a time; a failure keeps the keys already known. */
  refresh(): Promise<void> {
    this.fetching ??= this.fetchKeys()
      .then((keys) => {
        this.file.update({ serverUrl: this.serverUrl, keys });
      })
      .catch((error: unknown) => {
        this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'monitoring keys not fetched; keeping the ones known');
      })
      .finally(() => {
        this.fetching = null;
      });
    return this.fetching;
  }
}
