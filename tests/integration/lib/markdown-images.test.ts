/**
 * Body images rendered from Markdown with the media library's real rows: width and height from the stored
 * image, a srcset of its smaller copies, lazy loading, captions as <figure>, and other hosts still refused.
 */
import { withTransaction } from '@/db/transaction';
import { uploads } from '@/db/schema';
import { renderMarkdown } from '@/lib/markdown';

const render = async (source: string) => (await renderMarkdown(source)).html.trim();

const name = 'a'.repeat(31) + 'b';
const small = 'c'.repeat(32);
beforeAll(async () => {
  await withTransaction((tx) =>
    tx.insert(uploads).values([
      { file: `${name}.webp`, mimeType: 'image/webp', width: 1600, height: 1067, bytes: 1000, variantWidths: [400, 800, 1200] },
      { file: `${small}.webp`, mimeType: 'image/webp', width: 300, height: 200, bytes: 100, variantWidths: [] },
    ]),
  );
});

describe('library images in a post', () => {
  it('get width, height, a srcset of the smaller copies, sizes, lazy loading and async decoding', async () => {
    const html = await render(`Before.\n\n![A bench by the river, Zoë’s “spot”](/media/${name}.webp)\n\nAfter.`);
    expect(html).toContain(
      `<p><img src="/media/${name}.webp" alt="A bench by the river, Zoë’s “spot”" width="1600" height="1067" ` +
        `srcset="/media/${name}-400.webp 400w, /media/${name}-800.webp 800w, /media/${name}-1200.webp 1200w, /media/${name}.webp 1600w" ` +
        `sizes="(max-width: 48rem) 100vw, 46rem" loading="lazy" decoding="async" /></p>`,
    );
  });

  it('turns an image alone in its paragraph with a title into a figure with its caption (escaped)', async () => {
    const html = await render(`![Snow on the path](/media/${name}.webp "Winter <walk> & rest ☃")`);
    expect(html).toMatch(
      new RegExp(
        `^<figure><img src="/media/${name}.webp" alt="Snow on the path" width="1600" height="1067" srcset="[^"]+" sizes="[^"]+" loading="lazy" decoding="async" /><figcaption>Winter &lt;walk&gt; &amp; rest ☃</figcaption></figure>$`,
      ),
    );
  });

  it('keeps a titled image inside a sentence as an image with a title, not a figure', async () => {
    const html = await render(`See ![x](/media/${small}.webp "tip") here.`);
    expect(html).toBe(`<p>See <img src="/media/${small}.webp" alt="x" title="tip" width="300" height="200" loading="lazy" decoding="async" /> here.</p>`);
  });

  it('sizes a smaller copy by its own width and offers only smaller ones beside it', async () => {
    const html = await render(`![x](/media/${name}-800.webp)`);
    expect(html).toContain(`width="800" height="534" srcset="/media/${name}-400.webp 400w, /media/${name}-800.webp 800w"`);
  });

  it('leaves unknown /media names unsized and still refuses images from other hosts, in figures too', async () => {
    expect(await render(`![x](/media/${'d'.repeat(32)}.webp)`)).toBe(`<p><img src="/media/${'d'.repeat(32)}.webp" alt="x" loading="lazy" decoding="async" /></p>`);
    const foreign = (await renderMarkdown('![tracker](https://tracker.example/pixel.png "Looks innocent")')).html;
    expect(foreign).not.toContain('tracker.example');
    expect(foreign).not.toMatch(/srcset/);
    expect((await renderMarkdown('![x](//tracker.example/x.png)')).html).not.toContain('tracker.example');
  });
});
