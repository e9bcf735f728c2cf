import type { Catalog } from './catalogs/en';
import type { PolicyCatalog } from '../../../shared/policy/messages';

// Typed keys: a misspelt key is a compile error, not a blank label on the floor.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog & { policy: PolicyCatalog } };
  }
}
