import { readdirSync } from 'node:fs';
import path from 'node:path';
import { readSeedPages, readSeedPosts } from '@/db/seed-content';

// The prose lives in Markdown files beside the index: a file the index forgets would never be seeded.
describe('demo prose files', () => {
  const filesIn = (folder: string) => readdirSync(path.join(process.cwd(), 'db', 'seed-content', folder)).sort();

  it('has one Markdown file for every post and page in the index, and none left over', () => {
    expect(filesIn('posts')).toEqual(
      readSeedPosts()
        .map((post) => `${post.slug}.md`)
        .sort(),
    );
    expect(filesIn('pages')).toEqual(
      readSeedPages()
        .map((page) => `${page.slug}.md`)
        .sort(),
    );
  });

  it('reads each body as written, without the file’s final newline', () => {
    const pacing = readSeedPosts().find((post) => post.slug === 'pacing-with-an-energy-budget')!;
    expect(pacing.body.startsWith('Many of us know the pattern. A good day arrives, we finally do *everything*')).toBe(true);
    expect(pacing.body.endsWith('suggested by a reader.*')).toBe(true);
    for (const item of [...readSeedPosts(), ...readSeedPages()]) expect(item.body).not.toMatch(/^\s|\s$/);
  });
});
