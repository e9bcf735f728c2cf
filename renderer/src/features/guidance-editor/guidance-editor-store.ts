import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { EditableScript } from '../../../../shared/contract/guidance';
import type { Language } from '../../../../shared/domain/user';
import type { Script, ScriptStep } from '../../../../shared/guidance/script';
import { callHost } from '../../host-call';

/**
 * The trainer's script editor: the server's scripts (drafts included), the one being edited as a
 * working copy, and saving or publishing it. Nothing reaches agents until it is published; the
 * server checks a publish and answers with the fields to fix, shown next to the form.
 */
export type FieldIssue = NonNullable<ContractError['issues']>[number];

export interface GuidanceEditorState {
  scripts: EditableScript[];
  loading: boolean;
  /** The script being edited (a copy: the list keeps what the server holds). */
  working: Script | null;
  stepId: string | null;
  /** The language tab: texts typed go into this language. */
  language: Language;
  dirty: boolean;
  busy: 'saving' | 'publishing' | null;
  error: string | null;
  issues: FieldIssue[];
  /** The last thing that went well ("Published as version 3"), for the status line. */
  done: { kind: 'saved' } | { kind: 'published'; version: number } | null;
  load(): Promise<void>;
  open(id: string): void;
  selectStep(id: string): void;
  setLanguage(language: Language): void;
  /** Applies a change to one step of the working copy. */
  editStep(id: string, change: (step: ScriptStep) => ScriptStep): void;
  addStep(): void;
  removeStep(id: string): void;
  moveStep(id: string, by: -1 | 1): void;
  saveDraft(): Promise<boolean>;
  publish(): Promise<void>;
}

export const guidanceEditorInitialState = {
  scripts: [] as EditableScript[],
  loading: false,
  working: null as Script | null,
  stepId: null as string | null,
  language: 'en' as Language,
  dirty: false,
  busy: null as GuidanceEditorState['busy'],
  error: null as string | null,
  issues: [] as FieldIssue[],
  done: null as GuidanceEditorState['done'],
} satisfies Partial<GuidanceEditorState>;

/** A step id not used yet in this script: step-2, step-3 … */
function freshStepId(script: Script): string {
  const taken = new Set(script.steps.map((step) => step.id));
  let n = script.steps.length + 1;
  while (taken.has(`step-${n}`)) n += 1;
  return `step-${n}`;
}

export const useGuidanceEditorStore = create<GuidanceEditorState>()((set, get) => {
  const change = (next: Script) => set({ working: next, dirty: true, done: null });

  return {
    ...guidanceEditorInitialState,

    async load() {
      set({ loading: true, error: null });
      const result = await callHost('guidance.allScripts', {});
      if (!result.ok) {
        set({ loading: false, error: result.error.message });
        return;
      }
      set({ scripts: result.value, loading: false });
      const working = get().working;
      if (working && !get().dirty) get().open(working.id);
    },

    open(id) {
      const entry = get().scripts.find((item) => item.script.id === id);
      if (!entry) return;
      const working = structuredClone(entry.script);
      set({ working, stepId: working.steps[0]?.id ?? null, dirty: false, issues: [], error: null, done: null });
    },

    selectStep: (id) => set({ stepId: id }),
    setLanguage: (language) => set({ language }),

    editStep(id, edit) {
      const working = get().working;
      if (!working) return;
      change({ ...working, steps: working.steps.map((step) => (step.id === id ? edit(step) : step)) });
    },

    addStep() {
      const working = get().working;
      if (!working) return;
      const id = freshStepId(working);
      const step: ScriptStep = { id, title: {}, doThis: {}, phrases: [{}], checklist: [], choices: [], onTrigger: [], end: false };
      change({ ...working, steps: [...working.steps, step] });
      set({ stepId: id });
    },

    removeStep(id) {
      const working = get().working;
      if (!working || working.steps.length <= 1) return;
      const steps = working.steps.filter((step) => step.id !== id);
      // Choices that led to the removed step would dangle; publishing would refuse them anyway.
      const cleaned = steps.map((step) => ({ ...step, choices: step.choices.filter((choice) => choice.to !== id) }));
      change({ ...working, steps: cleaned, start: working.start === id ? cleaned[0]!.id : working.start });
      set({ stepId: cleaned[0]?.id ?? null });
    },

    moveStep(id, by) {
      const working = get().working;
      if (!working) return;
      const from = working.steps.findIndex((step) => step.id === id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= working.steps.length) return;
      const steps = [...working.steps];
      const [moved] = steps.splice(from, 1);
      steps.splice(to, 0, moved!);
      change({ ...working, steps });
    },

    async saveDraft() {
      const working = get().working;
      if (!working) return false;
      set({ busy: 'saving', error: null, issues: [] });
      const result = await callHost('guidance.saveDraft', working);
      if (!result.ok) {
        set({ busy: null, error: result.error.message, issues: result.error.issues ?? [] });
        return false;
      }
      const saved = result.value;
      set((state) => ({
        busy: null,
        dirty: false,
        working: saved.script,
        done: { kind: 'saved' },
        scripts: state.scripts.map((item) => (item.script.id === saved.script.id ? saved : item)),
      }));
      return true;
    },

    async publish() {
      const working = get().working;
      if (!working) return;
      // Publishing takes the saved draft: save what is on screen first.
      if (get().dirty || working.status !== 'draft') {
        if (!(await get().saveDraft())) return;
      }
      set({ busy: 'publishing', error: null, issues: [] });
      const result = await callHost('guidance.publish', { id: working.id });
      if (!result.ok) {
        set({ busy: null, error: result.error.message, issues: result.error.issues ?? [] });
        return;
      }
      set({ busy: null, done: { kind: 'published', version: result.value.version } });
      const done = get().done;
      await get().load();
      set({ done });
    },
  };
});
