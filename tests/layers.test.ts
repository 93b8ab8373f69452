import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/: app/ wires, modules/ hold the features, shared/ what every module uses.
 * Modules and shared never import app/; shared never imports a module.
 */
const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const STATIC = /^\s*(?:import|export)\s[^'"]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const BARE = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every relative import of `file`, resolved to a path relative to the repository root. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [STATIC, BARE, DYNAMIC].flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]));
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join('/'));
}

const inside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

/** `file -> import` for every import from the files under `from` into any of `into`. */
function crossings(from: string, into: string[]): string[] {
  return sourceFiles(path.join(src, from)).flatMap((file) =>
    relativeImports(file)
      .filter((target) => into.some((folder) => inside(target, `src/${folder}`)))
      .map((target) => `${path.relative(root, file).split(path.sep).join('/')} -> ${target}`),
  );
}

describe('layers', () => {
  it('reads the imports it checks', () => {
    // Guards the checks below against passing because nothing was read.
    expect(crossings('modules', ['shared']).length).toBeGreaterThan(50);
    expect(crossings('app', ['modules']).length).toBeGreaterThan(0);
  });

  it('no module imports from app/', () => {
    expect(crossings('modules', ['app'])).toEqual([]);
  });

  it('shared/ imports neither app/ nor a module', () => {
    expect(crossings('shared', ['app', 'modules'])).toEqual([]);
  });
});
