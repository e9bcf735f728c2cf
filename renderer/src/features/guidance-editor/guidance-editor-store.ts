import { create } from 'zustand';
import type { ContractError } from '../../../../shared/contract';
import type { EditableScript } from '../../../../shared/contract/guidance';
import type { Language } from '../../../../shared/domain/user';
import type { Script, ScriptStep } from '../../../../shared/guidance/script';
import type { NewScript } from '../../../../shared/guidance/script-new';
import { callHost } from '../../host-call';

/**
 * The trainer's script editor: the server's scripts (drafts included), the one being edited as a
 * working copy, and saving or publishing it. Nothing reaches agents until it is published; the
 * server checks a publish and answers with the fields to fix, shown next to the form.
 */
export type FieldIssue = NonNullable<ContractError['issues']>[number];

/** Where a step is still a target: the step whose choice or trigger branch leads to it, or the whole script. */
export interface StepReference {
  /** null for the script itself (its start, or a trigger branch from any step). */
  fromStepId: string | null;
  kind: 'start' | 'choice' | 'trigger';
}

/** Why the editor refused to remove a step: it is still a target. */
export interface RemovalBlocked {
  stepId: string;
  references: StepReference[];
}

/** Every place in the script that leads to `stepId`; a step is removed only when there is none. */
export function referencesTo(script: Script, stepId: string): StepReference[] {
  const found: StepReference[] = [];
  if (script.start === stepId) found.push({ fromStepId: null, kind: 'start' });
  for (const branch of script.onTriggerAnyStep) if (branch.to === stepId) found.push({ fromStepId: null, kind: 'trigger' });
  for (const step of script.steps) {
    if (step.id === stepId) continue;
    for (const choice of step.choices) if (choice.to === stepId) found.push({ fromStepId: step.id, kind: 'choice' });
    for (const branch of step.onTrigger) if (branch.to === stepId) found.push({ fromStepId: step.id, kind: 'trigger' });
  }
  return found;
}

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
  done: { kind: 'saved' } | { kind: 'published'; version: number } | { kind: 'created' } | { kind: 'retired' } | null;
  /** Set when removing a step was refused because something still leads to it. */
  blocked: RemovalBlocked | null;
  load(): Promise<void>;
  /** Starts a new script on the server as a draft and opens it; false (with `error`) when refused. */
  createScript(input: NewScript): Promise<boolean>;
  /** Takes the open script off the floor; its published versions stay for the calls that used them. */
  retire(): Promise<void>;
  /** Applies a change to the working copy's own fields (title, summary, situations, start). */
  editScript(change: (script: Script) => Script): void;
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
  blocked: null as RemovalBlocked | null,
} satisfies Partial<GuidanceEditorState>;

/** A step id not used yet in this script: step-2, step-3 … */
function freshStepId(script: Script): string {
  const taken = new Set(script.steps.map((step) => step.id));
  let n = script.steps.length + 1;
  while (taken.has(`step-${n}`)) n += 1;
  return `step-${n}`;
}

export const useGuidanceEditorStore = create<GuidanceEditorState>()((set, get) => {
  const change = (next: Script) => set({ working: next, dirty: true, done: null, blocked: null });

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
      set({ working, stepId: working.steps[0]?.id ?? null, dirty: false, issues: [], error: null, done: null, blocked: null });
    },

    async createScript(input) {
      set({ busy: 'saving', error: null, issues: [] });
      const result = await callHost('guidance.createScript', input);
      if (!result.ok) {
        set({ busy: null, error: result.error.message, issues: result.error.issues ?? [] });
        return false;
      }
      const created = result.value;
      set((state) => ({ busy: null, scripts: [...state.scripts, created].sort((a, b) => a.script.id.localeCompare(b.script.id)) }));
      get().open(created.script.id);
      set({ done: { kind: 'created' } });
      return true;
    },

    async retire() {
      const working = get().working;
      if (!working) return;
      set({ busy: 'saving', error: null, issues: [] });
      const result = await callHost('guidance.retire', { id: working.id });
      if (!result.ok) {
        set({ busy: null, error: result.error.message, issues: result.error.issues ?? [] });
        return;
      }
      const retired = result.value;
      set((state) => ({ busy: null, scripts: state.scripts.map((item) => (item.script.id === retired.script.id ? retired : item)), done: { kind: 'retired' } }));
    },

    editScript(edit) {
      const working = get().working;
      if (working) change(edit(working));
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
      // Silently dropping the branches that lead here would change where agents go; the trainer
      // redirects them first, knowingly.
      const references = referencesTo(working, id);
      if (references.length > 0) {
        set({ blocked: { stepId: id, references } });
        return;
      }
      const index = working.steps.findIndex((step) => step.id === id);
      const steps = working.steps.filter((step) => step.id !== id);
      change({ ...working, steps });
      set({ stepId: steps[Math.max(0, index - 1)]?.id ?? null });
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
