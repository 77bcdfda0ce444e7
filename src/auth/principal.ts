import type { Author, Role } from '../domain/access';

/** Who is calling: a token's name (or `jwt:<subject>`) and the role it holds. */
export interface Principal {
  readonly name: string;
  readonly role: Role;
  readonly via: 'token' | 'jwt' | 'auth-off';
}

/** With COPNET_AUTH=off every request acts as this local administrator. */
export const LOCAL_USER: Principal = Object.freeze({ name: 'local', role: 'admin', via: 'auth-off' });

export function authorOf(principal: Principal, at: Date = new Date()): Author {
  return { by: principal.name, at };
}
