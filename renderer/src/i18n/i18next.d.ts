import type { Catalog } from './catalogs/en';

// Typed keys: a misspelt key is a compile error, not a blank label on the floor.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}
