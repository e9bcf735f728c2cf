import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { HostLogger } from './host-log';

/**
 * One small JSON file of choices in the host's data folder (settings.json, phone-settings.json).
 * Reads are validated against the schema; a file that does not parse is set aside as
 * `<file>.corrupt-<time>` (kept for a person to inspect) and the schema's defaults are used, so a
 * damaged file never stops the console from starting. Writes go to a temporary file that is
 * fsynced and renamed over the old one, so a crash or power cut mid-write leaves the old file whole.
 */
export class JsonFileStore<Schema extends z.ZodType<object>> {
  private current: z.output<Schema>;
  readonly path: string;

  constructor(
    private readonly dataDir: string,
    fileName: string,
    private readonly schema: Schema,
    /** How the log names this file: "settings file", "phone settings". */
    private readonly what: string,
    private readonly log?: HostLogger,
  ) {
    this.path = join(dataDir, fileName);
    this.current = this.read();
  }

  get(): z.output<Schema> {
    return structuredClone(this.current);
  }

  /** Applies a change, validates the result and writes it before returning. */
  update(change: Partial<z.output<Schema>>): z.output<Schema> {
    const next = this.schema.parse({ ...this.current, ...change });
    this.write(next);
    this.current = next;
    return this.get();
  }

  private defaults(): z.output<Schema> {
    return this.schema.parse({});
  }

  private read(): z.output<Schema> {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return this.defaults();
      if (code === 'EISDIR') return this.setAside('a folder stands where the file should be');
      this.log?.warn({ file: this.path, err: error }, `${this.what} could not be read; using defaults`);
      return this.defaults();
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.setAside('the file is not valid JSON');
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) return this.setAside(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  }

  private setAside(reason: string): z.output<Schema> {
    const asidePath = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.path, asidePath);
      this.log?.warn({ file: this.path, keptAs: asidePath, reason }, `${this.what} could not be read; using defaults`);
    } catch (error) {
      this.log?.warn({ file: this.path, reason, err: error }, `${this.what} could not be read or set aside; using defaults`);
    }
    return this.defaults();
  }

  private write(value: z.output<Schema>): void {
    mkdirSync(this.dataDir, { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      // fsync before rename: otherwise a power cut can leave the new name pointing at an empty file.
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  }
}
