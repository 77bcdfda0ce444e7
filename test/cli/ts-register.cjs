// Lets a child process run copnet from its TypeScript sources (`node -r ./test/cli/ts-register.cjs src/run-cli.ts`):
// each file compiled on load, as ts-jest and the work pool's worker bootstrap do, so process tests run the code
// under test. Compiled text is cached by content hash, so the second and later processes start quickly.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const cacheDir = path.join(os.tmpdir(), 'copnet-ts-register-cache');
fs.mkdirSync(cacheDir, { recursive: true });
let ts;
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, crypto.createHash('sha256').update(filename).update('\0').update(source).digest('hex') + '.js');
  let outputText;
  try {
    outputText = fs.readFileSync(cached, 'utf8');
  } catch {
    ts ??= require('typescript');
    outputText = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
      },
    }).outputText;
    const temporary = `${cached}.${process.pid}`;
    fs.writeFileSync(temporary, outputText);
    fs.renameSync(temporary, cached);
  }
  module._compile(outputText, filename);
};
