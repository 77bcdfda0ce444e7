import type { Author, Role } from '../domain/access';

/** Who is calling: a token's name (or `jwt:<subject>`) and the role it holds. */
export interface Principal {
  readonly name: string;
  readonly role: Role;
  readonly via: 'token' | 'jwt' | 'auth-off';
  /** A respondent token's survey and actor (role `respondent`); absent for every other credential. */
  readonly respondent?: { readonly surveyId: string; readonly actorId: string };
}

/** With COPNET_AUTH=off every request acts as this local administrator. */
export const LOCAL_USER: Principal = Object.freeze({ name: 'local', role: 'admin', via: 'auth-off' });

export function authorOf(principal: Principal, at: Date = new Date()): Author {
  return { by: principal.name, at };
}
