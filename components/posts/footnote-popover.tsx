'use client';
/**
 * Opens a footnote where the reader is: a tap on a marker shows the note's text in a popover instead of jumping
 * away. The marker stays a link to the note, so without JavaScript (or if the note is missing) it still jumps,
 * and the note's own "Back to text" link returns. The note's text is copied from the page's already-sanitised HTML.
 */
import { useEffect, useRef, useState } from 'react';

export function FootnotePopover() {
  const popover = useRef<HTMLDivElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const marker = useRef<HTMLAnchorElement | null>(null);
  const [number, setNumber] = useState('');

  useEffect(() => {
    const open = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('.prose .footnote-ref a');
      const note = link && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!link || !note || !popover.current || !text.current || event.defaultPrevented) return;
      event.preventDefault();
      const copy = note.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.footnote-backref').forEach((back) => back.remove());
      copy.querySelectorAll('[id]').forEach((element) => element.removeAttribute('id'));
      text.current.replaceChildren(...Array.from(copy.childNodes));
      marker.current = link;
      setNumber(link.textContent ?? '');
      popover.current.showPopover();
      popover.current.focus();
    };
    // Closed by Escape, a tap outside or "Close": keyboard focus goes back to the marker it came from.
    const closed = (event: Event) => {
      const box = popover.current;
      if ((event as ToggleEvent).newState === 'closed' && box && (box.contains(document.activeElement) || document.activeElement === document.body)) marker.current?.focus();
    };
    const box = popover.current;
    document.addEventListener('click', open);
    box?.addEventListener('toggle', closed);
    return () => {
      document.removeEventListener('click', open);
      box?.removeEventListener('toggle', closed);
    };
  }, []);

  return (
    <div ref={popover} id="footnote-popover" popover="auto" className="footnote-popover" role="dialog" aria-label={`Footnote ${number}`} tabIndex={-1}>
      <div ref={text} />
      <p className="footnote-popover__actions">
        <a href={`#fn${number}`} onClick={() => popover.current?.hidePopover()}>
          Go to the note
        </a>
        <button type="button" popoverTarget="footnote-popover" popoverTargetAction="hide" className="button--quiet">
          Close
        </button>
      </p>
    </div>
  );
}
