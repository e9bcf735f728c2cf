/**
 * The contract's call and event names as plain strings, without schemas. The sandboxed preload
 * checks names against these lists: it cannot load zod at run time, and it has no use for the
 * schemas because the host parses every input anyway. `index.ts` proves at compile time that
 * these lists and the contract maps hold exactly the same names.
 */
export const CALL_NAMES = [
  'app.info',
  'app.language',
  'session.signIn',
  'session.current',
  'session.signOut',
  'settings.setLanguage',
  'admin.listUsers',
  'phone.provisioning',
  'phone.settings',
  'phone.saveSettings',
  'calls.logEnded',
  'customers.search',
  'customers.lookupPhone',
  'customers.get',
  'customers.history',
  'customers.create',
  'customers.update',
  'notes.add',
  'cases.open',
  'escalations.raise',
  'escalations.forCustomer',
  'escalations.queue',
  'escalations.decide',
  'monitoring.requestGrant',
  'monitoring.verifyGrant',
  'monitoring.report',
  'monitoring.audit',
  'monitoring.requestTakeOver',
  'monitoring.verifyTakeOver',
  'cases.setStatus',
  'sync.status',
  'sync.rejected',
  'sync.retry',
  'agent.state',
  'agent.setState',
  'dispositions.list',
  'calls.connected',
  'wrapUp.pending',
  'wrapUp.save',
  'calls.linkCustomer',
  'drafts.get',
  'drafts.save',
  'callbacks.mine',
  'callbacks.settle',
  'callbacks.notifications',
  'callbacks.setNotifications',
  'network.quality',
  'guidance.content',
  'guidance.allScripts',
  'guidance.saveDraft',
  'guidance.publish',
  'guidance.createScript',
  'guidance.retire',
  'policy.get',
  'policy.save',
  'thresholds.list',
  'thresholds.save',
  'presence.calls',
  'wallboard.snapshot',
  'wallboard.figures',
] as const;

export const EVENT_NAMES = ['session.changed', 'customers.changed', 'sync.status', 'agent.stateChanged', 'wrapUp.changed', 'network.quality', 'guidance.changed', 'wallboard.changed'] as const;

/** Electron IPC channels; the web host carries the same traffic as `wire.ts` frames. */
export const IPC_INVOKE_CHANNEL = 'kalma:invoke';
export const IPC_EVENT_CHANNEL = 'kalma:event';
