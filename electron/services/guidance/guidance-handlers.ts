import type { EditableScript, ScriptVersionRef } from '../../../shared/contract/guidance';
import type { Script } from '../../../shared/guidance/script';
import type { NewScript } from '../../../shared/guidance/script-new';
import type { HandlerRegistry } from '../contract/registry';
import type { GuidanceCopy } from './guidance-copy';

export interface ScriptAuthoring {
  list(): Promise<EditableScript[]>;
  saveDraft(script: Script): Promise<EditableScript>;
  publish(id: string): Promise<ScriptVersionRef>;
  create(input: NewScript): Promise<EditableScript>;
  retire(id: string): Promise<EditableScript>;
}

/**
 * `guidance.content` is served from this machine's copy (offline too). Authoring goes to the server
 * directly: a draft saved offline would be a second truth, and publishing must be checked there.
 */
export function registerGuidanceHandlers(registry: HandlerRegistry, copy: GuidanceCopy, authoring: ScriptAuthoring): void {
  registry
    .handle('guidance.content', () => copy.content())
    .handle('guidance.allScripts', () => authoring.list())
    .handle('guidance.saveDraft', (script) => authoring.saveDraft(script))
    .handle('guidance.publish', async ({ id }) => {
      const published = await authoring.publish(id);
      // The trainer's own console need not wait for the poke.
      void copy.refresh({ force: true });
      return published;
    })
    .handle('guidance.createScript', (input) => authoring.create(input))
    .handle('guidance.retire', async ({ id }) => {
      const retired = await authoring.retire(id);
      void copy.refresh({ force: true });
      return retired;
    });
}
