import { create } from 'zustand';
import type { StoredPolicyPack } from '../../../../shared/api/policy-admin';
import type { ContractError } from '../../../../shared/contract';
import { issuesOf } from '../../../../shared/contract/core';
import { PolicyPack } from '../../../../shared/policy';
import { callHost } from '../../host-call';
import { DEFAULT_SAMPLE, type SampleRequest } from './policy-edit';

type Issue = NonNullable<ContractError['issues']>[number];

export interface PolicyEditorState {
  /** The pack as the server holds it. */
  stored: StoredPolicyPack | null;
  /** The admin's working copy; what "try it" evaluates while it parses. */
  draft: PolicyPack | null;
  status: 'idle' | 'loading' | 'ready' | 'saving' | 'saved' | 'failed';
  error: ContractError | null;
  /** What is wrong with the draft: checked as the admin types, and what the server refused. */
  issues: Issue[];
  sample: SampleRequest;
  load(): Promise<void>;
  edit(change: (pack: PolicyPack) => PolicyPack): void;
  setSample(change: Partial<SampleRequest>): void;
  /** Puts the stored pack back as the draft. */
  discard(): void;
  save(): Promise<void>;
}

/** Checks the draft with the pack schema the server uses; the editor shows the same issues before a round trip. */
function check(draft: PolicyPack): Issue[] {
  const parsed = PolicyPack.safeParse(draft);
  return parsed.success ? [] : issuesOf(parsed.error);
}

export const policyEditorInitialState = {
  stored: null,
  draft: null,
  status: 'idle' as PolicyEditorState['status'],
  error: null,
  issues: [] as Issue[],
  sample: DEFAULT_SAMPLE,
} satisfies Partial<PolicyEditorState>;

export const usePolicyEditorStore = create<PolicyEditorState>()((set, get) => ({
  ...policyEditorInitialState,

  async load() {
    set({ status: 'loading', error: null });
    const result = await callHost('policy.get', {});
    if (!result.ok) {
      set({ status: 'failed', error: result.error });
      return;
    }
    set({ stored: result.value, draft: result.value.pack, status: 'ready', issues: [] });
  },

  edit(change) {
    const draft = get().draft;
    if (!draft) return;
    const next = change(draft);
    set({ draft: next, issues: check(next), status: get().status === 'saved' ? 'ready' : get().status, error: null });
  },

  setSample(change) {
    set({ sample: { ...get().sample, ...change } });
  },

  discard() {
    const stored = get().stored;
    set({ draft: stored?.pack ?? null, issues: [], error: null, status: stored ? 'ready' : get().status });
  },

  async save() {
    const { draft, stored, status } = get();
    if (!draft || !stored || status === 'saving') return;
    set({ status: 'saving', error: null });
    const result = await callHost('policy.save', { pack: draft, baseVersion: stored.pack.version });
    if (!result.ok) {
      // Keep the admin's edits; the issues point at the fields to fix.
      set({ status: 'failed', error: result.error, issues: result.error.issues ?? [] });
      return;
    }
    set({ stored: result.value, draft: result.value.pack, status: 'saved', issues: [] });
  },
}));

export function resetPolicyEditorStore(): void {
  usePolicyEditorStore.setState(policyEditorInitialState);
}
