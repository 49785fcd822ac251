/** What the importer brings in before converting: the images a post's content uses and the attachments it names. */
import { findAttachmentIds, findImageUrls } from '@/lib/wordpress/content';

const OLD = 'https://old.example.org';

describe('findImageUrls', () => {
  it('lists every img src once, in order, entities decoded and size suffixes as written; not data: or code samples', () => {
    const content = [
      `<p><img src="${OLD}/wp-content/uploads/2024/05/a-300x200.jpg" alt="a"></p>`,
      `[caption id="attachment_3" width="300"]<a href="${OLD}/x"><img class="size-full" src='/wp-content/uploads/b.png?w=1&amp;h=2' /></a> Cap[/caption]`,
      '<!-- wp:image {"id":12} -->\n<figure class="wp-block-image"><img src=/wp-content/uploads/c.gif alt=""/></figure>\n<!-- /wp:image -->',
      `<img src="${OLD}/wp-content/uploads/2024/05/a-300x200.jpg">`,
      '<img src="data:image/png;base64,AAAA">',
      '<img src="/wp-content/uploads/odd&#8217;s.jpg?v=&#99999999;&#x41;">',
      '<pre><code>&lt;img src="/wp-content/uploads/sample.jpg"&gt;</code></pre><code><img src="/in-code.png"></code>',
    ].join('\n');
    expect(findImageUrls(content)).toEqual([
      `${OLD}/wp-content/uploads/2024/05/a-300x200.jpg`,
      '/wp-content/uploads/b.png?w=1&h=2',
      '/wp-content/uploads/c.gif',
      '/wp-content/uploads/odd’s.jpg?v=&#99999999;A',
    ]);
  });
});

describe('findAttachmentIds', () => {
  it('lists the ids of [gallery ids] / [gallery include], image blocks and gallery blocks, once each', () => {
    const content = [
      '[gallery ids="4, 5,6" columns="3"]',
      "[gallery include='7']",
      '[gallery]',
      '<!-- wp:image {"id":12,"sizeSlug":"large"} -->\n<figure class="wp-block-image"><img src="/x.jpg" alt=""/></figure>\n<!-- /wp:image -->',
      '<!-- wp:gallery {"ids":[13,4]} -->\n<figure class="wp-block-gallery"></figure>\n<!-- /wp:gallery -->',
      '<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery"><!-- wp:image {"id":14} -->\n<figure class="wp-block-image"><img src="/y.jpg" alt=""/></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->',
      '<pre>[gallery ids="99"]</pre>',
    ].join('\n\n');
    expect(findAttachmentIds(content)).toEqual(['12', '13', '4', '14', '5', '6', '7']);
  });

  it('finds nothing in content without galleries or image blocks', () => {
    expect(findAttachmentIds('<p>Just text [sic].</p>')).toEqual([]);
  });
});
