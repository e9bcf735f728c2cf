import type { ContractError, ErrorCode } from '../../../shared/contract';

/** The catalog key that tells a person what a failed call means for them. */
export function errorKey(code: ErrorCode): `errors.${ErrorCode}` {
  return `errors.${code}`;
}

/**
 * On the sign-in screen a refused name and a refused password read the same, and so does a
 * malformed username: the message must never hint whether an account exists.
 */
export function signInErrorKey(error: ContractError): 'signIn.wrongCredentials' | `errors.${ErrorCode}` {
  if (error.code === 'UNAUTHENTICATED' || error.code === 'INVALID_INPUT') return 'signIn.wrongCredentials';
  return errorKey(error.code);
}
