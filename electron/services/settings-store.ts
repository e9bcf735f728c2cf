import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Language } from '../../shared/domain/user';
import type { HostLogger } from './host-log';

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

/**
 * What this machine remembers between launches. Every field has a default so a file written by
 * an older version (missing fields) still reads; unknown fields are dropped on the next write.
 */
export const Settings = z.object({
  /** The language last chosen here: what the sign-in screen shows before anyone signs in. */
  language: Language.default('en'),
  /** The Electron window's last place on screen. */
  windowBounds: WindowBounds.optional(),
  /** The central server, when chosen on this machine (env KALMA_SERVER_URL wins over it). */
  serverUrl: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * A language change the server has not confirmed yet (it was unreachable): sent after the same
   * person's next sign-in, so the choice is not lost.
   */
  pendingLanguage: z.object({ userId: z.string(), language: Language }).optional(),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_FILE = 'settings.json';

/**
 * The settings file in the host's data folder. Reads are validated; a file that does not parse
 * is set aside as `settings.json.corrupt-<time>` (kept for a person to inspect) and defaults are
 * used, so a damaged file never stops the console from starting. Writes go to a temporary file
 * that is then renamed over the old one, so a crash mid-write leaves the old file whole.
 */
export class SettingsStore {
  private current: Settings;
  readonly path: string;

  private constructor(
    private readonly dataDir: string,
    private readonly log?: HostLogger,
  ) {
    this.path = join(dataDir, SETTINGS_FILE);
    this.current = this.read();
  }

  static open(dataDir: string, log?: HostLogger): SettingsStore {
    mkdirSync(dataDir, { recursive: true });
    return new SettingsStore(dataDir, log);
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Applies a change, validates the result and writes it before returning. */
  update(change: Partial<Settings>): Settings {
    const next = Settings.parse({ ...this.current, ...change });
    this.write(next);
    this.current = next;
    return this.get();
  }

  private read(): Settings {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return Settings.parse({});
      if (code === 'EISDIR') return this.setAside('a folder stands where the file should be');
      this.log?.warn({ file: this.path, err: error }, 'settings file could not be read; using defaults');
      return Settings.parse({});
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.setAside('the file is not valid JSON');
    }
    const parsed = Settings.safeParse(json);
    if (!parsed.success) return this.setAside(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  }

  private setAside(reason: string): Settings {
    const asidePath = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      renameSync(this.path, asidePath);
      this.log?.warn({ file: this.path, keptAs: asidePath, reason }, 'settings file could not be read; using defaults');
    } catch (error) {
      this.log?.warn({ file: this.path, reason, err: error }, 'settings file could not be read or set aside; using defaults');
    }
    return Settings.parse({});
  }

  private write(settings: Settings): void {
    mkdirSync(this.dataDir, { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      // fsync before rename: otherwise a power cut can leave the new name pointing at an empty file.
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(settings, null, 2)}\n`);
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
