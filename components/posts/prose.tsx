/** Rendered Markdown as readers see it, with the footnote popover when the text has footnotes. */
import { FootnotePopover } from './footnote-popover';

export function Prose({ html }: { html: string }) {
  return (
    <>
      <div className="prose" dangerouslySetInnerHTML={{ __html: html }} />
      {html.includes('class="footnote-ref"') && <FootnotePopover />}
    </>
  );
}
