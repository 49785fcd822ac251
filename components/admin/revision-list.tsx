/**
 * The versions a post or page has had on the site, newest first: who, when, and what differs from the
 * version on the site now (struck-through and underlined, with words for screen readers). Restore puts a
 * version into the editor, privately; it goes on the site only with Update.
 */
import { OneButtonForm } from '@/components/ui/one-button-form';
import type { FormAction } from '@/lib/actions/state';
import type { FieldDiff } from '@/lib/editorial/revision-diff';
import { SiteDate } from '@/components/layout/site-date';
import './safe-edit.css';

export type ListedRevision = { id: number; authorName: string; createdAt: Date; diff: FieldDiff[] };

type Props = { revisions: ListedRevision[]; restore: FormAction; owner: Record<string, string>; update: string };

function Diff({ diff }: { diff: FieldDiff[] }) {
  return (
    <dl className="revision-diff">
      {diff.map((field) => (
        <div key={field.label}>
          <dt>{field.label}</dt>
          <dd>
            {field.parts.map((part, i) =>
              part.kind === 'removed' ? (
                <del key={i}>
                  <span className="visually-hidden">[only in this version: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </del>
              ) : part.kind === 'added' ? (
                <ins key={i}>
                  <span className="visually-hidden">[on the site now: </span>
                  {part.text}
                  <span className="visually-hidden">]</span>
                </ins>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function RevisionList({ revisions, restore, owner, update }: Props) {
  return (
    <section aria-labelledby="revisions-heading" className="revisions">
      <h2 id="revisions-heading">Earlier versions</h2>
      {revisions.length === 0 ? (
        <p>None yet: each time this goes on the site, the version is kept here.</p>
      ) : (
        <>
          <p className="field__hint">
            Compared with the version on the site now: <del>struck-through text</del> is only in the earlier version, <ins>underlined text</ins> is only on the site now. Restore puts a version into
            the editor; readers see it only after {update}.
          </p>
          <ol className="revisions__list">
            {revisions.map((revision) => (
              <li key={revision.id} aria-labelledby={`revision-${revision.id}`}>
                <h3 id={`revision-${revision.id}`}>
                  <SiteDate iso={revision.createdAt.toISOString()} withTime /> by {revision.authorName}
                </h3>
                {revision.diff.length === 0 ? <p>The same as the version on the site now.</p> : <Diff diff={revision.diff} />}
                <OneButtonForm action={restore} fields={{ ...owner, revisionId: String(revision.id) }} label="Restore this version" pendingLabel="Restoring…" />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
