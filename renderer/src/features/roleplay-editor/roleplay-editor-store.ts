import { create } from 'zustand';
import type { ContractError, ErrorCode } from '../../../../shared/contract';
import type { Language } from '../../../../shared/domain/user';
import type { Scenario } from '../../../../shared/roleplay/scenario';
import { callHost } from '../../host-call';
import { blankScenario, copyScenario } from './scenario-draft';

/**
 * The trainer's scenario editor: the server's scenarios (published and drafts), the one being
 * edited as a working copy, and saving it as a draft or publishing it. The server checks a publish
 * again and refuses with the issues to fix, shown next to the buttons.
 */
export type FieldIssue = NonNullable<ContractError['issues']>[number];

export interface RolePlayEditorState {
  scenarios: Scenario[];
  /** Scripts a trainee can practise (published, not retired); null when the list could not be had. */
  scriptIds: string[] | null;
  loading: boolean;
  loadFailed: ErrorCode | null;
  /** The scenario being edited (a copy: the list keeps what the server holds). */
  working: Scenario | null;
  /** The language tab: texts typed go into this language. */
  language: Language;
  dirty: boolean;
  busy: 'saving' | 'publishing' | null;
  /** The server's refusal of the last save or publish, with its issues. */
  refused: { code: ErrorCode; issues: FieldIssue[] } | null;
  done: { kind: 'saved' } | { kind: 'published'; version: number } | null;
  load(): Promise<void>;
  /** Opens a scenario by id: its draft when there is one (that is where the work is), else the published version. */
  open(id: string): void;
  /** Starts a new draft with this id; false when the id is taken. */
  startNew(id: string): boolean;
  /** Starts a new draft with the open scenario's content under another id; false when the id is taken. */
  copyAs(id: string): boolean;
  setLanguage(language: Language): void;
  edit(change: (scenario: Scenario) => Scenario): void;
  saveDraft(): Promise<boolean>;
  publish(): Promise<boolean>;
}

export const roleplayEditorInitialState = {
  scenarios: [] as Scenario[],
  scriptIds: null as string[] | null,
  loading: false,
  loadFailed: null as ErrorCode | null,
  working: null as Scenario | null,
  language: 'en' as Language,
  dirty: false,
  busy: null as RolePlayEditorState['busy'],
  refused: null as RolePlayEditorState['refused'],
  done: null as RolePlayEditorState['done'],
} satisfies Partial<RolePlayEditorState>;

/** The draft of a scenario if there is one, else its published version. */
export function editableVersion(scenarios: readonly Scenario[], id: string): Scenario | undefined {
  const versions = scenarios.filter((scenario) => scenario.id === id);
  return versions.find((scenario) => scenario.status === 'draft') ?? versions.find((scenario) => scenario.status === 'published');
}

/** The live version of a scenario, if it was ever published. */
export function publishedVersion(scenarios: readonly Scenario[], id: string): number | null {
  const published = scenarios.filter((scenario) => scenario.id === id && scenario.status === 'published');
  return published.length === 0 ? null : Math.max(...published.map((scenario) => scenario.version));
}

/** The list after the server saved `saved`: a publish replaces the draft it came from. */
function merged(scenarios: readonly Scenario[], saved: Scenario): Scenario[] {
  const kept = scenarios.filter((scenario) => scenario.id !== saved.id || (saved.status === 'draft' && scenario.status === 'published'));
  return [...kept, saved].sort((a, b) => a.id.localeCompare(b.id));
}

export const useRolePlayEditorStore = create<RolePlayEditorState>()((set, get) => {
  const opened = (working: Scenario) => ({ working, dirty: false, refused: null, done: null });

  async function save(status: Scenario['status']): Promise<boolean> {
    const working = get().working;
    if (!working) return false;
    set({ busy: status === 'published' ? 'publishing' : 'saving', refused: null, done: null });
    const result = await callHost('roleplay.saveScenario', { ...working, status });
    if (!result.ok) {
      set({ busy: null, refused: { code: result.error.code, issues: result.error.issues ?? [] } });
      return false;
    }
    const saved = result.value;
    set((state) => ({
      busy: null,
      dirty: false,
      working: structuredClone(saved),
      scenarios: merged(state.scenarios, saved),
      done: saved.status === 'published' ? { kind: 'published', version: saved.version } : { kind: 'saved' },
    }));
    return true;
  }

  return {
    ...roleplayEditorInitialState,

    async load() {
      set({ loading: true, loadFailed: null });
      const [scenarios, scripts] = await Promise.all([callHost('roleplay.scenarios', {}), callHost('guidance.allScripts', {})]);
      if (!scenarios.ok) {
        set({ loading: false, loadFailed: scenarios.error.code });
        return;
      }
      set({
        loading: false,
        scenarios: [...scenarios.value].sort((a, b) => a.id.localeCompare(b.id)),
        scriptIds: scripts.ok ? scripts.value.filter((entry) => entry.publishedVersion !== null && !entry.retired).map((entry) => entry.script.id) : null,
      });
      const working = get().working;
      if (working && !get().dirty) get().open(working.id);
    },

    open(id) {
      const found = editableVersion(get().scenarios, id);
      if (found) set(opened(structuredClone(found)));
    },

    startNew(id) {
      if (get().scenarios.some((scenario) => scenario.id === id)) return false;
      const language = get().language;
      set({ ...opened(blankScenario(id, language, get().scriptIds?.[0] ?? '')), dirty: true });
      return true;
    },

    copyAs(id) {
      const working = get().working;
      if (!working || get().scenarios.some((scenario) => scenario.id === id)) return false;
      set({ ...opened(copyScenario(working, id)), dirty: true });
      return true;
    },

    setLanguage: (language) => set({ language }),

    edit(change) {
      const working = get().working;
      if (working) set({ working: change(working), dirty: true, done: null });
    },

    saveDraft: () => save('draft'),
    publish: () => save('published'),
  };
});
