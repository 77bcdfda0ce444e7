import { FailureLimiter } from '../../src/auth/failure-limiter';
import { requiredRoleForField, requireRole } from '../../src/auth/policy';
import { generateTokenSecret, hashSecret, parseToken, secretMatches } from '../../src/auth/token-secret';
import { parseExpiry, roleAllows } from '../../src/domain/access';

describe('API token secrets', () => {
  it('are 256 random bits behind a public identifier, and only their hash is kept', () => {
    const a = generateTokenSecret();
    const b = generateTokenSecret();
    expect(a.token).not.toBe(b.token);
    const parts = parseToken(a.token)!;
    expect(parts.identifier).toBe(a.identifier);
    expect(Buffer.from(parts.secret, 'base64url')).toHaveLength(32);
    expect(a.secretHash).toBe(hashSecret(parts.secret));
    expect(a.secretHash).not.toContain(parts.secret);
    expect(secretMatches(parts.secret, a.secretHash)).toBe(true);
    expect(secretMatches(parseToken(b.token)!.secret, a.secretHash)).toBe(false);
    expect(parseToken('copnet_short')).toBeNull();
    expect(parseToken('eyJhbGciOiJSUzI1NiJ9.e30.sig')).toBeNull();
  });
});

describe('roles and the policy', () => {
  it('orders roles reader < writer < admin', () => {
    expect(roleAllows('admin', 'writer')).toBe(true);
    expect(roleAllows('writer', 'writer')).toBe(true);
    expect(roleAllows('reader', 'writer')).toBe(false);
  });

  it('keeps respondent apart from the hierarchy: it allows only itself, and no other role allows it', () => {
    expect(roleAllows('respondent', 'respondent')).toBe(true);
    for (const role of ['reader', 'writer', 'admin'] as const) {
      expect([role, roleAllows('respondent', role)]).toEqual([role, false]);
      expect([role, roleAllows(role, 'respondent')]).toEqual([role, false]);
    }
  });

  it('needs a reader for queries, a writer for mutations, an admin for tokens and the audit log', () => {
    expect(requiredRoleForField('Query', 'actors')).toBe('reader');
    expect(requiredRoleForField('Query', 'someFieldAddedLater')).toBe('reader');
    expect(requiredRoleForField('Mutation', 'mergeActors')).toBe('writer');
    expect(requiredRoleForField('Mutation', 'createToken')).toBe('admin');
    expect(requiredRoleForField('Query', 'auditLog')).toBe('admin');
    expect(requiredRoleForField('Actor', 'name')).toBeNull();
    expect(() => requireRole(null, 'reader')).toThrow('This needs the reader role');
    expect(() => requireRole({ name: 'r', role: 'reader', via: 'token' }, 'writer')).toThrow(
      "This needs the writer role; your credential's role is lower",
    );
  });

  it('reads expiries as durations', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    expect(parseExpiry('90d', now)).toEqual(new Date('2024-03-31T00:00:00Z'));
    expect(parseExpiry('12h', now)).toEqual(new Date('2024-01-01T12:00:00Z'));
    expect(parseExpiry(null, now)).toBeNull();
    expect(() => parseExpiry('0d', now)).toThrow('expires: "0d" must be a positive duration');
    expect(parseExpiry('99999w', now)).toEqual(new Date(now.getTime() + 99_999 * 7 * 86_400_000));
    // Too many digits is said to be too long, not no duration.
    expect(() => parseExpiry('999999d', now)).toThrow(
      new Error('expires: "999999d" is too long a lifetime; at most 99999 hours, days or weeks'),
    );
    expect(() => parseExpiry('100000h', now, 'expiresIn')).toThrow(
      new Error('expiresIn: "100000h" is too long a lifetime; at most 99999 hours, days or weeks'),
    );
    expect(() => parseExpiry('999999y', now)).toThrow(new Error('expires: "999999y" must be a positive duration such as 12h, 90d or 2w'));
  });
});

describe('FailureLimiter', () => {
  it('refuses an address after the limit until its window ends, and no other address', () => {
    let now = 0;
    const limiter = new FailureLimiter(3, 60_000, () => now);
    limiter.recordFailure('a');
    limiter.recordFailure('a');
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.recordFailure('a');
    expect(limiter.retryAfter('a')).toBe(60);
    expect(limiter.retryAfter('b')).toBe(0);
    now = 59_001;
    expect(limiter.retryAfter('a')).toBe(1);
    now = 60_000;
    expect(limiter.retryAfter('a')).toBe(0);
  });
});
