import { PhoneRegion } from '../../../../shared/domain/phone';

/** The phone settings' region as the checks take it; the settings validate it, this only guards a stale value. */
export function regionOf(region: string): PhoneRegion {
  const parsed = PhoneRegion.safeParse(region);
  return parsed.success ? parsed.data : 'PH';
}
