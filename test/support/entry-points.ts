import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/**
 * The API and worker entry points as `npm run build` lays them out (dist/, package.json's `imports`
 * resolving to it), in a directory of their own, for suites that start real processes. Each file is
 * transpiled alone, as isolatedModules guarantees is equivalent (types are checked by `npm test`'s
 * tsc step), which takes seconds where ts-node per process took a quarter of a minute.
 */
export function buildEntryPoints(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'callvault-build-'));
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    esModuleInterop: true,
    isolatedModules: true,
  };
  const compile = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) compile(path);
      else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) {
        const out = join(dir, 'dist', relative(ROOT, path)).replace(/\.ts$/, '.js');
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions: options, fileName: path }).outputText);
      }
    }
  };
  compile(join(ROOT, 'libs'));
  for (const app of ['api', 'worker']) compile(join(ROOT, 'apps', app, 'src'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface EntryPoint {
  child: ChildProcess;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  exited: Promise<number | null>;
}

/** Starts `node dist/apps/<app>/src/main.js` from a built directory with exactly `env` (plus PATH). */
export function startEntryPoint(dir: string, app: 'api' | 'worker', env: Record<string, string>): EntryPoint {
  const child = spawn(process.execPath, [join(dir, 'dist', 'apps', app, 'src', 'main.js')], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}
