import type { Database } from 'better-sqlite3';
import { sql as initial } from './001_initial';
import { sql as syncProgress } from './002_sync_progress';
import { sql as callRecords } from './003_call_records';
import { sql as agentStates } from './004_agent_states';
import { sql as dispositions } from './005_dispositions';
import { sql as callWrapUp } from './006_call_wrap_up';
import { sql as drafts } from './007_drafts';
import { sql as callbackIndex } from './008_callback_index';
import { sql as caseStatusOutbox } from './009_case_status_outbox';
import { sql as escalations } from './010_escalations';
import { sql as orderPolicyFacts } from './011_order_policy_facts';

/**
 * A schema step. `up` is SQL, or a function for steps that must also move data (rebuilding the
 * search index after a tokenizer change, for example). Each runs in its own transaction together
 * with the `PRAGMA user_version` bump, so a crash leaves the file at the previous version.
 * Add a step: a new numbered file, one line here, and a case in tests/unit/cache/migrations.test.ts
 * that opens a file written by the version before.
 */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: initial },
  { version: 2, name: 'sync-progress', up: syncProgress },
  { version: 3, name: 'call-records', up: callRecords },
  { version: 4, name: 'agent-states', up: agentStates },
  { version: 5, name: 'dispositions', up: dispositions },
  { version: 6, name: 'call-wrap-up', up: callWrapUp },
  { version: 7, name: 'drafts', up: drafts },
  { version: 8, name: 'callback-index', up: callbackIndex },
  { version: 9, name: 'case-status-outbox', up: caseStatusOutbox },
  { version: 10, name: 'escalations', up: escalations },
  { version: 11, name: 'order-policy-facts', up: orderPolicyFacts },
];
