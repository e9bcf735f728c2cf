import type { KalmaBridge } from '../../../shared/contract';

declare global {
  interface Window {
    /**
     * Defined by Electron's preload (electron/preload/index.ts); absent in the web host. Use
     * `host` from ./client instead of this: it adds the contract's types and checks.
     */
    readonly kalma?: KalmaBridge;
  }
}

export {};
