import { mkdirSync } from 'node:fs';
import { z } from 'zod';
import { Language } from '../../shared/domain/user';
import type { HostLogger } from './host-log';
import { JsonFileStore } from './json-file-store';

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
  /** The agent asked for a desktop notification when a callback is due (the page holds the permission). */
  callbackNotifications: z.boolean().optional(),
});
export type Settings = z.infer<typeof Settings>;

export const SETTINGS_FILE = 'settings.json';

/**
 * The settings file in the host's data folder (validated, set aside when damaged, written
 * atomically: see JsonFileStore).
 */
export class SettingsStore extends JsonFileStore<typeof Settings> {
  private constructor(dataDir: string, log?: HostLogger) {
    super(dataDir, SETTINGS_FILE, Settings, 'settings file', log);
  }

  static open(dataDir: string, log?: HostLogger): SettingsStore {
    mkdirSync(dataDir, { recursive: true });
    return new SettingsStore(dataDir, log);
  }
}
