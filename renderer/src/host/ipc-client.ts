import { isEventName, type KalmaBridge } from '../../../shared/contract';
import { checkEvent, checkResult, isCallName, unknownCall, type HostClient } from './host-client';

/** The host client over Electron's preload (`window.kalma`). */
export function createIpcClient(kalma: KalmaBridge): HostClient {
  return {
    async invoke(name, input) {
      if (!isCallName(name)) return unknownCall(name);
      try {
        return checkResult(name, await kalma.invoke(name, input));
      } catch {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `the host did not answer ${name}` } };
      }
    },
    on(event, handler) {
      if (!isEventName(event)) throw new TypeError(`no event named ${String(event)}`);
      return kalma.on(event, (payload) => {
        const checked = checkEvent(event, payload);
        if (checked) handler(checked.payload);
      });
    },
    connection: () => 'open',
    onConnection(handler) {
      handler('open');
      return () => {};
    },
  };
}
