import { CredentialRefusedError, TooManyFailuresError } from './access-error';
import type { FailureChannel } from './cluster-failure-channel';
import { FailureLimiter } from './failure-limiter';
import type { JwtVerifier } from './jwt-verifier';
import { LOCAL_USER, type Principal } from './principal';
import { looksLikeApiToken } from './token-secret';
import type { TokenService } from './token-service';

export interface AuthenticatorOptions {
  /** false only for COPNET_AUTH=off: every request is the local administrator. */
  readonly enabled: boolean;
  readonly tokens: TokenService;
  readonly jwt?: JwtVerifier | null;
  /** Failed authentications allowed per client address and window before it is refused (default 20 per minute). */
  readonly failureLimit?: number;
  readonly failureWindowMs?: number;
  /** The other processes of this server (`--processes N`): failures count across all of them. */
  readonly failureChannel?: FailureChannel;
}

/**
 * Turns a request's `Authorization` header into a principal. No header: null (anonymous).
 * A bearer credential copnet does not accept: null, and a failure counted against the client
 * address; an address over its limit gets TooManyFailuresError before anything is checked. A
 * genuine JWT that names no role or has a subject copnet cannot record rejects with
 * CredentialRefusedError (counted as a failure too).
 */
export class Authenticator {
  /** Credentials refused since start (for /metrics). */
  failures = 0;
  private readonly limiter: FailureLimiter;

  constructor(private readonly options: AuthenticatorOptions) {
    this.limiter = new FailureLimiter(options.failureLimit ?? 20, options.failureWindowMs ?? 60_000);
    options.failureChannel?.subscribe((address) => this.limiter.recordFailure(address));
  }

  get enabled(): boolean {
    return this.options.enabled;
  }

  /** Throws TooManyFailuresError when the address is refused for now. */
  checkNotBlocked(address: string): void {
    const retryAfter = this.limiter.retryAfter(address);
    if (retryAfter > 0) throw new TooManyFailuresError(retryAfter);
  }

  async authenticate(authorization: string | undefined, address: string): Promise<Principal | null> {
    if (!this.options.enabled) return (await this.respondentWithAuthOff(authorization)) ?? LOCAL_USER;
    if (authorization === undefined || authorization.trim() === '') return null;
    this.checkNotBlocked(address);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const credential = match?.[1];
    let principal: Principal | null = null;
    if (credential !== undefined) {
      if (looksLikeApiToken(credential)) principal = await this.options.tokens.authenticate(credential);
      else if (this.options.jwt) {
        try {
          principal = await this.options.jwt(credential);
        } catch (error) {
          // A genuine JWT copnet cannot take (CredentialRefusedError): a failure like any other, with its reason.
          if (error instanceof CredentialRefusedError) this.recordFailure(address);
          throw error;
        }
      }
    }
    if (principal === null) {
      this.failures += 1;
      this.recordFailure(address);
    }
    return principal;
  }

  private recordFailure(address: string): void {
    this.limiter.recordFailure(address);
    this.options.failureChannel?.publish(address);
  }

  /**
   * With COPNET_AUTH=off every request is the local admin, but a survey's respondent link still
   * acts as its respondent, so its form can be filled locally (admins cannot fill forms).
   */
  private async respondentWithAuthOff(authorization: string | undefined): Promise<Principal | null> {
    const credential = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (credential === undefined || !looksLikeApiToken(credential)) return null;
    const principal = await this.options.tokens.authenticate(credential);
    return principal?.role === 'respondent' ? principal : null;
  }
}
