'use client';
/**
 * The editor and its publishing panel. Publishing and updating happen from the editor's own buttons (with
 * the fields as typed); the panel's scheduling waits while there are unsaved changes, since it acts on the saved post.
 */
import { useState } from 'react';
import type { PostStatus } from '@/db/schema-values';
import { OneButtonForm } from '@/components/ui/one-button-form';
import type { PostActions } from '@/lib/actions/post-actions';
import type { PostEditorInput } from '@/lib/validations/post-editor';
import { DeletePostForm } from './delete-post-form';
import { PostEditor } from './post-editor';
import { ScheduleForm } from './schedule-form';

type Props = {
  actions: PostActions;
  post: { id: number; slug: string; status: PostStatus; statusText: string } | null;
  hasWorkingCopy: boolean;
  defaults: PostEditorInput;
  categories: { id: number; name: string }[];
  cover: { url: string; width: number; height: number } | null;
};

export function PostWorkspace({ actions, post, hasWorkingCopy, defaults, categories, cover }: Props) {
  const [dirty, setDirty] = useState(false);
  return (
    <>
      <PostEditor
        actions={actions}
        postId={post?.id ?? null}
        status={post?.status ?? null}
        hasWorkingCopy={hasWorkingCopy}
        defaults={defaults}
        categories={categories}
        cover={cover}
        onDirtyChange={setDirty}
      />
      {post && (
        <section aria-labelledby="publishing-heading" className="publish-panel">
          <h2 id="publishing-heading">Publishing</h2>
          <p role="status">{post.statusText}</p>
          <p>
            <a href={`/admin/posts/${post.id}/preview`}>Preview as readers will see it</a>
            {post.status === 'published' && (
              <>
                {' · '}
                <a href={`/posts/${post.slug}`}>View the post</a>
              </>
            )}
          </p>
          {post.status !== 'published' && (dirty ? <p className="notice">Save your changes first: scheduling uses the saved version.</p> : <ScheduleForm action={actions.schedule} postId={post.id} />)}
          {post.status !== 'draft' && <OneButtonForm action={actions.unpublish} fields={{ postId: String(post.id) }} label="Unpublish (back to draft)" pendingLabel="Unpublishing…" />}
          <details>
            <summary>Delete this post</summary>
            <DeletePostForm action={actions.remove} postId={post.id} />
          </details>
        </section>
      )}
    </>
  );
}
