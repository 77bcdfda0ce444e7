import { createServer, type Server } from 'node:net';
import { Neo4jError } from 'neo4j-driver';
import { InvalidInputError, StoreUnavailableError } from '../../../src/domain/errors';
import { redactUri, translateNeo4jError, translateStartupError } from '../../../src/store/neo4j/driver-errors';
import { openNeo4jStore } from '../../../src/store/neo4j/neo4j-store';
import { requireSupportedServer } from '../../../src/store/neo4j/server-version';

/** How Neo4j failures reach copnet: one translation, messages naming the setting to fix. No server involved. */

const target = { uri: 'bolt://copnet:s3cret@db.example:7687', user: 'copnet', database: 'network' };

function driverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception - unexpected error');
}

describe('translateNeo4jError', () => {
  it('turns an unreachable server into StoreUnavailableError naming NEO4J_URI, without the password', () => {
    const cause = driverError('connect ECONNREFUSED 10.0.0.5:7687', 'ServiceUnavailable');
    const error = translateNeo4jError(cause, target);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe('Cannot reach Neo4j at NEO4J_URI=bolt://db.example:7687: connect ECONNREFUSED 10.0.0.5:7687');
    expect((error as Error).cause).toBe(cause);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('names the credentials settings when they are refused', () => {
    const error = translateNeo4jError(
      driverError('The client is unauthorized due to authentication failure.', 'Neo.ClientError.Security.Unauthorized'),
      target,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe(
      'Neo4j at NEO4J_URI=bolt://db.example:7687 refused the credentials of NEO4J_USER=copnet (check NEO4J_USER and NEO4J_PASSWORD): ' +
        'The client is unauthorized due to authentication failure.',
    );
  });

  it('names NEO4J_DATABASE when the database does not exist', () => {
    const error = translateNeo4jError(
      driverError("Database does not exist. Database name: 'network'.", 'Neo.ClientError.Database.DatabaseNotFound'),
      target,
    );
    expect((error as Error).message).toBe(
      "Neo4j at NEO4J_URI=bolt://db.example:7687 has no database NEO4J_DATABASE=network: Database does not exist. Database name: 'network'.",
    );
  });

  it('treats a lost session, a protocol failure and an unavailable database as unreachable', () => {
    for (const code of ['SessionExpired', 'ProtocolError', 'Neo.TransientError.General.DatabaseUnavailable']) {
      expect(translateNeo4jError(driverError('gone', code), target)).toEqual(
        new StoreUnavailableError('Cannot reach Neo4j at NEO4J_URI=bolt://db.example:7687: gone'),
      );
    }
  });

  it('passes every other error through unchanged', () => {
    const syntax = driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError');
    expect(translateNeo4jError(syntax, target)).toBe(syntax);
    const invalid = new InvalidInputError('actors[0].affiliationId', 'x', 'is not a known actor');
    expect(translateNeo4jError(invalid, target)).toBe(invalid);
  });
});

describe('translateStartupError', () => {
  it('makes any driver failure at start-up a StoreUnavailableError naming NEO4J_URI', () => {
    const cause = driverError('Server responded HTTP.', 'N/A');
    expect(translateStartupError(cause, target)).toEqual(
      new StoreUnavailableError('Cannot use Neo4j at NEO4J_URI=bolt://db.example:7687: Server responded HTTP.'),
    );
    const plain = new Error('not from the driver');
    expect(translateStartupError(plain, target)).toBe(plain);
  });
});

describe('redactUri', () => {
  it('drops user and password from a URI and leaves others alone', () => {
    expect(redactUri('neo4j+s://user:pw@abc.databases.neo4j.io')).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(redactUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
    expect(redactUri('bolt://localhost:7687/?policy=a@b')).toBe('bolt://localhost:7687/?policy=a@b');
  });
});

describe('requireSupportedServer', () => {
  it('accepts Neo4j 5 and the calendar-versioned releases, refuses 4.x with a clear message', () => {
    expect(() => requireSupportedServer('Neo4j/5.0.0', target.uri)).not.toThrow();
    expect(() => requireSupportedServer('Neo4j/5.26.12', target.uri)).not.toThrow();
    expect(() => requireSupportedServer('Neo4j/2025.06.0', target.uri)).not.toThrow();
    expect(() => requireSupportedServer(undefined, target.uri)).not.toThrow();
    expect(() => requireSupportedServer('Neo4j/4.4.30', target.uri)).toThrow(
      new StoreUnavailableError('Neo4j at NEO4J_URI=bolt://db.example:7687 runs Neo4j/4.4.30; copnet needs Neo4j 5.0 or newer'),
    );
  });
});

describe('openNeo4jStore without a reachable Neo4j', () => {
  it('fails at start-up with a StoreUnavailableError naming NEO4J_URI, not a stack trace', async () => {
    const port = await closedPort();
    const uri = `bolt://127.0.0.1:${port}`;
    const error = await openNeo4jStore({ uri, user: 'neo4j', password: 'pw-not-shown', database: 'neo4j' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message.startsWith(`Cannot reach Neo4j at NEO4J_URI=${uri}: `)).toBe(true);
    expect((error as Error).message).not.toContain('pw-not-shown');
  });

  it('fails the same way when something else answers on the port', async () => {
    const server = createServer((socket) => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const port = await listen(server);
    try {
      const uri = `bolt://127.0.0.1:${port}`;
      const error = await openNeo4jStore({ uri, user: 'neo4j', password: 'pw-not-shown', database: 'neo4j' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(
        `Cannot use Neo4j at NEO4J_URI=${uri}: Server responded HTTP. Make sure you are not trying to connect to the http endpoint ` +
          '(HTTP defaults to port 7474 whereas BOLT defaults to port 7687)',
      );
    } finally {
      server.close();
    }
  });

  it('rejects a URI the driver cannot use, naming NEO4J_URI', async () => {
    await expect(openNeo4jStore({ uri: 'http://localhost:7474', user: 'neo4j', password: 'x', database: 'neo4j' })).rejects.toThrow(
      /^Invalid NEO4J_URI=http:\/\/localhost:7474: /,
    );
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
