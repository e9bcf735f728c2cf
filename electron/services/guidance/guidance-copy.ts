import { dirname } from 'node:path';
import { z } from 'zod';
import { GuidanceContent, type ScriptVersionRef } from '../../../shared/contract/guidance';
import { DEFAULT_GUIDANCE_THRESHOLDS } from '../../../shared/guidance/triggers';
import type { HostLogger } from '../host-log';
import { JsonFileStore } from '../json-file-store';

export interface GuidanceSource {
  /** The server's published guidance; throws when the server is out of reach. */
  fetch(): Promise<GuidanceContent>;
  /** A fingerprint that changes whenever the published guidance does. */
  stamp(): Promise<string>;
}

const CopyFile = z.object({
  content: GuidanceContent.nullable().default(null),
  stamp: z.string().nullable().default(null),
});

/** Before the first fetch (first sign-in on this machine while offline): no scripts yet. */
export const EMPTY_GUIDANCE: GuidanceContent = { scripts: [], policyPack: null, thresholds: DEFAULT_GUIDANCE_THRESHOLDS, updatedAt: null };

const versionsOf = (content: GuidanceContent | null): ScriptVersionRef[] =>
  (content?.scripts ?? []).map((script) => ({ id: script.id, version: script.version })).sort((a, b) => a.id.localeCompare(b.id));

const sameVersions = (a: ScriptVersionRef[], b: ScriptVersionRef[]) =>
  a.length === b.length && a.every((ref, i) => ref.id === b[i]?.id && ref.version === b[i]?.version);

/** The rules beside the scripts: an admin's policy edit or a supervisor's thresholds must reach open consoles too. */
const rulesOf = (content: GuidanceContent | null): string => JSON.stringify([content?.policyPack ?? null, content?.thresholds ?? null]);

/**
 * The signed-in person's copy of the floor's guidance, in `guidance.json` next to their cache file.
 * Reads never wait for the network, so the guidance panel works offline with the last copy. The
 * copy is refreshed at sign-in and whenever sync heard from the server (a live poke follows every
 * publish): a small stamp is compared first, the whole content fetched only when it moved.
 */
export class GuidanceCopy {
  private store: JsonFileStore<typeof CopyFile> | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly source: GuidanceSource,
    private readonly log: HostLogger,
    private readonly onChanged: (scripts: ScriptVersionRef[]) => void,
  ) {}

  /** A person's cache opened: their copy is the one served from now on; fetch the newest. */
  open(cacheFile: string): Promise<void> {
    this.store = new JsonFileStore(dirname(cacheFile), 'guidance.json', CopyFile, 'guidance copy', this.log);
    return this.refresh({ force: true });
  }

  close(): void {
    this.store = null;
  }

  content(): GuidanceContent {
    return this.store?.get().content ?? EMPTY_GUIDANCE;
  }

  /** Fetches when the server's stamp differs from the copy's (always when forced). One at a time. */
  refresh(opts: { force?: boolean } = {}): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = this.fetchIfMoved(opts.force === true)
      .catch((error: unknown) => this.log.warn({ err: error }, 'guidance not refreshed; keeping the copy on this machine'))
      .finally(() => {
        this.inFlight = null;
        if (this.again) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.inFlight;
  }

  private async fetchIfMoved(force: boolean): Promise<void> {
    const store = this.store;
    if (!store) return;
    const stamp = await this.source.stamp();
    if (!force && stamp === store.get().stamp) return;
    const content = GuidanceContent.parse(await this.source.fetch());
    if (this.store !== store) return; // signed out while fetching
    const previous = store.get().content;
    const before = versionsOf(previous);
    store.update({ content: { ...content, updatedAt: new Date().toISOString() }, stamp });
    const after = versionsOf(content);
    if (!sameVersions(before, after) || rulesOf(previous) !== rulesOf(content)) this.onChanged(after);
  }
}
