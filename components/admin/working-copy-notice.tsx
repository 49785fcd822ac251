/** Says that the editor opened unpublished changes, from when and by whom, and what the buttons will do with them. */
import { SiteDate } from '@/components/layout/site-date';

/** `update` names the button that puts them on the site; null for a draft, where saving keeps them. */
type Props = { savedAt: Date; savedByName: string | null; update: string | null };

export function WorkingCopyNotice({ savedAt, savedByName, update }: Props) {
  const when = (
    <>
      <SiteDate iso={savedAt.toISOString()} withTime />
      {savedByName ? ` (saved by ${savedByName})` : ''}
    </>
  );
  return (
    <p className="notice" role="status">
      {update ? (
        <>
          You have unpublished changes from {when}. Readers still see the version on the site: press <strong>{update}</strong> to put them there, or <strong>Discard changes</strong> to drop them.
        </>
      ) : (
        <>
          The editor opened changes from {when} that are not in the draft yet: <strong>Save draft</strong> keeps them.
        </>
      )}
    </p>
  );
}
