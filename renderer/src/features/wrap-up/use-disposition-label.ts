import { useEffect } from 'react';
import { dispositionLabel } from '../../../../shared/domain/disposition';
import { useLocaleFormat } from '../../i18n/use-locale-format';
import { useWrapUpStore } from './wrap-up-store';

/** A disposition code as the agent reads it, in their language; the code itself until the list is in. */
export function useDispositionLabel(code: string | null): string | null {
  const { language } = useLocaleFormat();
  const dispositions = useWrapUpStore((s) => s.dispositions);
  const load = useWrapUpStore((s) => s.loadDispositions);
  const wanted = code !== null && dispositions.length === 0;
  useEffect(() => {
    if (wanted) void load();
  }, [wanted, load]);
  if (code === null) return null;
  const found = dispositions.find((d) => d.code === code);
  return found ? dispositionLabel(found, language) : code;
}
