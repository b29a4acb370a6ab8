// Architecture rule (docs/architecture.md, Conventions): the domain is pure. It imports no framework, driver or
// Node built-in, and never reads the clock or randomness — those come in with the command and ctx.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const DOMAIN_DIR = fileURLToPath(new URL('.', import.meta.url));

const FORBIDDEN_PACKAGES = ['@nestjs/', 'typeorm', 'pg', 'bullmq', 'ioredis', 'uuid'];
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bnew\s+Date\s*\(\s*\)/, 'new Date()'],
  [/\bDate\s*\.\s*now\s*\(/, 'Date.now()'],
  [/\bMath\s*\.\s*random\s*\(/, 'Math.random()'],
  [/\bcrypto\s*\.\s*randomUUID\s*\(/, 'crypto.randomUUID()'],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Drops comments so a comment may explain a rule without breaking it. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function importedModules(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) specifiers.push(m[1]);
  return specifiers;
}

function isForbiddenModule(specifier: string): boolean {
  if (BUILTINS.has(specifier) || specifier.startsWith('node:')) return true;
  return FORBIDDEN_PACKAGES.some((p) => (p.endsWith('/') ? specifier.startsWith(p) : specifier === p || specifier.startsWith(`${p}/`)));
}

function violations(source: string): string[] {
  const code = withoutComments(source);
  return [
    ...importedModules(code)
      .filter(isForbiddenModule)
      .map((m) => `imports ${m}`),
    ...FORBIDDEN_CALLS.filter(([re]) => re.test(code)).map(([, name]) => `calls ${name}`),
  ];
}

describe('the partnerships domain is pure', () => {
  const files = sourceFiles(DOMAIN_DIR);

  it('finds the domain sources it checks', () => {
    const names = files.map((f) => relative(DOMAIN_DIR, f));
    expect(names).toEqual(expect.arrayContaining(['decide.ts', 'evolve.ts', 'events.ts', 'dates.ts', 'index.ts']));
  });

  it.each(files.map((f) => [relative(DOMAIN_DIR, f), f]))(
    '%s imports no framework, driver or built-in and reads no clock',
    (_name, file) => {
      expect(violations(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('relative imports end in .js (ESM, nodenext)', () => {
    const bad = files.flatMap((f) =>
      importedModules(withoutComments(readFileSync(f, 'utf8')))
        .filter((m) => m.startsWith('.') && !m.endsWith('.js'))
        .map((m) => `${relative(DOMAIN_DIR, f)}: ${m}`),
    );
    expect(bad).toEqual([]);
  });

  describe('the check itself catches', () => {
    it.each([
      ["import { Injectable } from '@nestjs/common';", 'imports @nestjs/common'],
      ["import { Entity } from 'typeorm';", 'imports typeorm'],
      ["import pg from 'pg';", 'imports pg'],
      ["import { Queue } from 'bullmq';", 'imports bullmq'],
      ["import Redis from 'ioredis';", 'imports ioredis'],
      ["import { v4 } from 'uuid';", 'imports uuid'],
      ["import { randomUUID } from 'node:crypto';", 'imports node:crypto'],
      ["import fs from 'fs';", 'imports fs'],
      ["export * from 'node:path';", 'imports node:path'],
      ["const m = await import('node:os');", 'imports node:os'],
      ['const today = new Date();', 'calls new Date()'],
      ['const t = Date.now();', 'calls Date.now()'],
      ['const id = Math.random().toString(36);', 'calls Math.random()'],
    ])('%s', (source, expected) => {
      expect(violations(source)).toEqual([expected]);
    });

    it('but not comments, relative imports or look-alike packages', () => {
      expect(
        violations(
          "// never call Date.now() here\nimport { x } from './pg.js';\nimport y from 'pg-format-free';\nconst url = 'https://x'; /* new Date() */",
        ),
      ).toEqual([]);
    });
  });
});
