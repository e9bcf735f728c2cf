import { ApiError } from '../../../shared/api/auth';
import { ContractFailure } from '../../../shared/contract';
import { SIP_API, SIP_NOT_CONFIGURED, type PhoneProvisioning } from '../../../shared/phone/provisioning-api';
import { SipProvisioning } from '../../../shared/sip/provisioning';

export interface PhoneClientOptions {
  serverUrl: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Asks the central server for this person's SIP identity. Separate from CentralClient because one
 * refusal here is not a failure: 503 SIP_NOT_CONFIGURED means "this server has no phone", which
 * the console shows as such instead of as an outage. Every other failure leaves as a
 * ContractFailure the console can show as it is; a 401 lets SessionService end the session.
 */
export class PhoneClient {
  private readonly serverUrl: string;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(opts: PhoneClientOptions) {
    this.serverUrl = opts.serverUrl.replace(/\/+$/, '');
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = opts.fetch ?? fetch;
  }

  async provisioning(token: string): Promise<PhoneProvisioning> {
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${this.serverUrl}${SIP_API.provisioning}`, {
        method: 'GET',
        headers: { accept: 'application/json', authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ContractFailure('UNAVAILABLE', `The Kalma server did not answer within ${Math.round(this.timeoutMs / 1000)} seconds.`);
      }
      throw new ContractFailure('UNAVAILABLE', `Cannot reach the Kalma server at ${this.serverUrl}. Check the network connection.`);
    }

    const json = parseJson(text);
    if (!response.ok) {
      const apiError = ApiError.safeParse(json);
      const detail = apiError.success ? apiError.data.error : null;
      if (response.status === 503 && detail?.code === SIP_NOT_CONFIGURED) return { status: 'not-configured' };
      if (response.status === 401) throw new ContractFailure('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
      if (response.status === 403) throw new ContractFailure('FORBIDDEN', detail?.message ?? 'Your account may not use the phone.');
      throw new ContractFailure('UNAVAILABLE', `The Kalma server could not hand out phone settings (HTTP ${response.status}). Try again shortly.`);
    }
    const parsed = SipProvisioning.safeParse(json);
    if (!parsed.success) {
      // A server of another version, or a proxy's error page: nothing a phone could register with.
      throw new ContractFailure('UNAVAILABLE', 'The Kalma server sent phone settings the console does not understand; it may be a different version.');
    }
    return { status: 'ready', provisioning: parsed.data };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
