// Builds dist/ (tsc, then the page's files beside it). With --if-stale it builds only when a source
// changed since the last build, so `npm run keys:list` and the other commands start at once on a
// current build. Plain JavaScript: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, writeFileSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const STAMP = 'dist/.build-stamp';
// What tsconfig.build.json compiles, and the page's files the build copies.
const INPUTS = ['src', 'migrations', 'scripts', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time under `path`; directories count too, so a deleted file shows. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newest(join(path, name))), s.mtimeMs);
}

function isCurrent() {
  if (!existsSync(STAMP)) return false;
  const built = statSync(STAMP).mtimeMs;
  return INPUTS.every((p) => newest(p) <= built);
}

function build() {
  // Sources changed during the build make the next call build again.
  const started = new Date();
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    console.error('dist/ is missing or older than the sources, and TypeScript is not installed (npm ci installs it).');
    process.exit(1);
  }
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
  cpSync('src/web/public', 'dist/src/web/public', { recursive: true, filter: (f) => !f.endsWith('.d.ts') });
  writeFileSync(STAMP, '');
  utimesSync(STAMP, started, started);
}

if (!(process.argv.includes('--if-stale') && isCurrent())) build();
