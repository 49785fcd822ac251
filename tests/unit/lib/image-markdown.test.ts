import { imageMarkdown, insertBlock } from '@/lib/image-markdown';
import { renderMarkdown } from '@/lib/markdown';

describe('imageMarkdown', () => {
  it('writes alt text and an optional caption as the title', () => {
    expect(imageMarkdown('/media/x.webp', 'A bench', '')).toBe('![A bench](/media/x.webp)');
    expect(imageMarkdown('/media/x.webp', 'A bench', 'Our spot')).toBe('![A bench](/media/x.webp "Our spot")');
  });

  it('escapes brackets, quotes and backslashes so the image cannot end early', async () => {
    const markdown = imageMarkdown('/media/x.webp', 'Łukasz "Luke" [left] \\ ‹Żółć›', 'He said "hi" \\ ☀');
    const html = (await renderMarkdown(markdown)).html;
    expect(html).toContain('alt="Łukasz &quot;Luke&quot; [left] \\ ‹Żółć›"');
    expect(html).toContain('<figcaption>He said "hi" \\ ☀</figcaption>');
    expect(html).toContain('src="/media/x.webp"');
  });
});

describe('insertBlock', () => {
  it('puts the image in a paragraph of its own at the cursor', () => {
    expect(insertBlock('First line.\nSecond.', '![x](/m.webp)', 11, 11)).toEqual({ text: 'First line.\n\n![x](/m.webp)\n\nSecond.', cursor: 26 });
  });

  it('adds at the end when the text was never clicked into, and into an empty text as is', () => {
    expect(insertBlock('Hello.', '![x](/m.webp)', 0, 0).text).toBe('Hello.\n\n![x](/m.webp)');
    expect(insertBlock('', '![x](/m.webp)', 0, 0)).toEqual({ text: '![x](/m.webp)', cursor: 13 });
  });

  it('replaces a selection', () => {
    expect(insertBlock('Keep. DROP this. Keep.', '![x](/m.webp)', 6, 16).text).toBe('Keep.\n\n![x](/m.webp)\n\nKeep.');
  });
});
