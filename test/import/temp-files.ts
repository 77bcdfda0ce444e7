import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp directory per test file, removed after all its tests. */
export function useTempDir(prefix = 'copnet-import-'): {
  file(name: string, content: string | Buffer): string;
  path(name: string): string;
} {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    path: (name) => join(dir, name),
  };
}
