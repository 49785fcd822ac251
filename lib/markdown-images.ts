/**
 * Body images for the Markdown renderer. An image of the media library gets its width and height (so the
 * page does not jump while it loads), a srcset of its smaller copies, lazy loading and async decoding; an
 * image alone in its paragraph with a title becomes a <figure> whose <figcaption> is that title:
 * `![A bench by the river](/media/<name>.webp "Our resting spot")`.
 */
import type MarkdownIt from 'markdown-it';

type Markdown = InstanceType<typeof MarkdownIt>;
import type { ImageSize } from '@/db/queries/uploads';

/** Our stored names: "/media/<32 hex>.webp" or one of its copies "/media/<32 hex>-<width>.webp". */
const LIBRARY_IMAGE = /^\/media\/([a-f0-9]{32})(?:-([1-9][0-9]*))?\.webp$/;

/** Laid out at most about the text column's width (68ch), the full screen width below that. */
const SIZES = '(max-width: 48rem) 100vw, 46rem';

export type ImageSizes = (files: string[]) => Promise<Map<string, ImageSize>>;
type Env = { images?: Map<string, ImageSize> };
type Token = ReturnType<Markdown['parse']>[number];

const libraryFile = (src: string) => {
  const match = LIBRARY_IMAGE.exec(src);
  return match ? { file: `${match[1]}.webp`, width: match[2] ? Number(match[2]) : null } : null;
};

/** Every library image the text mentions, looked up once for the whole text. */
export async function lookUpImages(tokens: Token[], sizes: ImageSizes): Promise<Map<string, ImageSize>> {
  const files = new Set<string>();
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      const found = child.type === 'image' ? libraryFile(String(child.attrGet('src') ?? '')) : null;
      if (found) files.add(found.file);
    }
  }
  return sizes([...files]);
}

/** Size attributes for a library image, or none for anything else (which then just loads lazily). */
function sizeAttributes(src: string, images: Map<string, ImageSize> | undefined): [string, string][] {
  const found = libraryFile(src);
  const image = found && images?.get(found.file);
  if (!found || !image) return [];
  const shown = found.width !== null && image.variantWidths.includes(found.width) ? found.width : image.width;
  const base = `/media/${found.file.replace(/\.webp$/, '')}`;
  const srcset = [...image.variantWidths.filter((w) => w < shown).map((w) => `${base}-${w}.webp ${w}w`), `${src} ${shown}w`].join(', ');
  return [
    ['width', String(shown)],
    ['height', String(Math.round((image.height * shown) / image.width))],
    ...(image.variantWidths.some((w) => w < shown)
      ? ([
          ['srcset', srcset],
          ['sizes', SIZES],
        ] as [string, string][])
      : []),
  ];
}

export function imagesPlugin(markdown: Markdown): void {
  // A paragraph holding nothing but one titled image is a figure.
  markdown.core.ruler.after('inline', 'hearth_figures', (state) => {
    state.tokens.forEach((token, i) => {
      const inline = state.tokens[i + 1];
      const children = inline?.children?.filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak') ?? [];
      if (token.type !== 'paragraph_open' || token.hidden || children.length !== 1 || children[0].type !== 'image' || !children[0].attrGet('title')) return;
      token.tag = 'figure';
      state.tokens[i + 2].tag = 'figure';
      children[0].meta = { figure: true };
    });
  });

  markdown.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = String(token.attrGet('src') ?? '');
    const title = String(token.attrGet('title') ?? '');
    const figure = Boolean(token.meta?.figure);
    const attributes: [string, string][] = [
      ['src', src],
      ['alt', self.renderInlineAsText(token.children ?? [], options, env)],
      ...(title && !figure ? [['title', title] as [string, string]] : []),
      ...sizeAttributes(src, (env as Env | undefined)?.images),
      ['loading', 'lazy'],
      ['decoding', 'async'],
    ];
    const escape = markdown.utils.escapeHtml;
    const img = `<img ${attributes.map(([name, value]) => `${name}="${escape(value)}"`).join(' ')} />`;
    return figure ? `${img}<figcaption>${escape(title)}</figcaption>` : img;
  };
}
