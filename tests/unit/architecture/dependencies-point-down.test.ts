/**
 * Dependencies point down: app → components → lib → db. A module may import from its own layer and the
 * layers below it, never from one above (db/ nothing from lib/, lib/ nothing from components/ or app/),
 * so the database layer can change engine without touching the rules, and the rules without the UI.
 * Type-only imports count too: they tie the lower layer's code to the upper one's just the same.
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const LAYERS = ['app', 'components', 'lib', 'db'] as const;
type Layer = (typeof LAYERS)[number];
const SOURCE = /\.(ts|tsx|js|mjs|cjs)$/;

/** Every module specifier in a source text: `import … from`, `export … from`, `import '…'`, `import('…')`, `require('…')`. */
function specifiersOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const pattern of [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g]) {
    for (const match of code.matchAll(pattern)) found.push(match[1]);
  }
  return found;
}

/** The layer a specifier written in `file` (relative to the root) points into, or null outside the four. */
function layerOf(specifier: string, file: string): Layer | null {
  let target: string;
  if (specifier.startsWith('@/')) target = specifier.slice(2);
  else if (specifier.startsWith('.')) target = path.relative(root, path.resolve(root, path.dirname(file), specifier));
  else return null;
  const top = target.split(/[\\/]/)[0];
  return (LAYERS as readonly string[]).includes(top) ? (top as Layer) : null;
}

function sourceFiles(folder: string): string[] {
  const full = path.join(root, folder);
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** "file → specifier" for each import in `layer` of a layer above it. */
function upwardImports(layer: Layer): string[] {
  const above = LAYERS.slice(0, LAYERS.indexOf(layer));
  return sourceFiles(layer).flatMap((file) =>
    specifiersOf(fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((specifier) => (above as readonly string[]).includes(layerOf(specifier, file) ?? ''))
      .map((specifier) => `${file} → ${specifier}`),
  );
}

describe('dependencies point down', () => {
  it('db/ imports nothing from lib/, components/ or app/', () => {
    expect(upwardImports('db')).toEqual([]);
  });

  it('lib/ imports nothing from components/ or app/', () => {
    expect(upwardImports('lib')).toEqual([]);
  });

  it('components/ import nothing from app/', () => {
    expect(upwardImports('components')).toEqual([]);
  });

  it('client components and form schemas never import the database layer itself (value lists come from db/schema-values)', () => {
    // db/schema.ts picks an engine's tables on the server; a browser bundle must never reach it nor a connection.
    const serverOnly = /^(@\/db|(\.\.\/)+db)\/(schema|schema-sqlite|schema-postgres|index|transaction|dialect|database-file|postgres\w*|queries\/.*)$/;
    const clientSide = [...sourceFiles('components'), ...sourceFiles('app'), ...sourceFiles(path.join('lib', 'validations'))].filter(
      (file) => file.startsWith(path.join('lib', 'validations')) || /^\s*['"]use client['"]/m.test(fs.readFileSync(path.join(root, file), 'utf8')),
    );
    expect(clientSide.length).toBeGreaterThan(20);
    const code = (file: string) => fs.readFileSync(path.join(root, file), 'utf8').replace(/^import type [^;]+;$/gm, '');
    const reachingDb = clientSide.flatMap((file) =>
      specifiersOf(code(file))
        .filter((specifier) => serverOnly.test(specifier))
        .map((specifier) => `${file} → ${specifier}`),
    );
    expect(reachingDb).toEqual([]);
  });

  it('scans the real folders (an empty scan would pass anything)', () => {
    expect(sourceFiles('db')).toEqual(expect.arrayContaining(['db/index.ts', 'db/schema.ts', path.join('db', 'queries', 'posts.ts')]));
    expect(sourceFiles('lib').length).toBeGreaterThan(50);
  });
});

describe('the import reader', () => {
  it('finds every way of writing an import, across lines, type-only included', () => {
    const source = [
      "import 'server-only';",
      "import { env } from '@/lib/env';",
      'import type {',
      '  SearchQuery,',
      "} from '@/lib/search-query';",
      "export { slugify } from '../lib/slug';",
      "const later = await import('@/components/ui/x');",
      "const old = require('../../app/page');",
    ].join('\n');
    expect(specifiersOf(source)).toEqual(['@/lib/env', '@/lib/search-query', '../lib/slug', 'server-only', '@/components/ui/x', '../../app/page']);
  });

  it('ignores imports that only appear in comments', () => {
    expect(specifiersOf("/** Written like import { x } from '@/lib/x'. */\n// import '@/lib/y';\nimport { z } from './z';")).toEqual(['./z']);
  });

  it('resolves aliases and relative paths to their layer', () => {
    expect(layerOf('@/lib/env', 'db/index.ts')).toBe('lib');
    expect(layerOf('../lib/subscriptions/choices', 'db/schema.ts')).toBe('lib');
    expect(layerOf('../../lib/slug', 'db/queries/role-changes.ts')).toBe('lib');
    expect(layerOf('./posts', 'db/queries/comment-writing.ts')).toBe('db');
    expect(layerOf('../../components/ui/use-action-form', 'lib/actions/post-actions.ts')).toBe('components');
    expect(layerOf('@/server/env-schema', 'db/database-file.ts')).toBeNull();
    expect(layerOf('drizzle-orm', 'db/index.ts')).toBeNull();
  });
});
