/**
 * Pages get drafts and the posts' safe editing, on a real database: a draft page is not found by readers nor
 * listed in the sitemap; a published page's autosave goes to a private working copy until Update, which keeps
 * a revision; Discard and Restore touch only the working copy; anyone but an admin changes nothing.
 */
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { getPageBySlug, listPublishedPages } from '@/db/queries/pages';
import { getWorkingCopy, listRevisions } from '@/db/queries/revisions';
import { pages, users, type UserRole } from '@/db/schema';
import { discardPageChanges, pageEditorView, restorePageRevision, updatePage } from '@/lib/site-admin/page-changes';
import { publishPage, savePage, unpublishPage } from '@/lib/site-admin/pages';
import type { CurrentUser } from '@/lib/session';
import { pageEditorSchema, type PageEditorInput } from '@/lib/validations/page-editor';

let n = 0;
async function person(role: UserRole, name: string): Promise<CurrentUser> {
  const id = `pages-${role}-${++n}`;
  await withTransaction((tx) => tx.insert(users).values({ id, name, email: `${id}@example.org`, role }));
  return { id, name, role };
}
let ada: CurrentUser, bea: CurrentUser;
beforeAll(async () => {
  ada = await person('admin', 'Ada Ñúñez-O’Brien');
  bea = await person('admin', 'Bea “B” ‹Żółć› 🌿');
});
const values = (extra: Partial<PageEditorInput> = {}) =>
  pageEditorSchema.parse({ id: '', title: 'Medical disclaimer', slug: `disclaimer-${++n}`, body: 'Not medical advice.', navOrder: '', ...extra });
const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
};
const row = async (id: number) => (await getDb().select().from(pages).where(eq(pages.id, id)))[0];

it('starts a new page as a draft that readers and the sitemap do not get; Publish now shows it', async () => {
  const draft = ok(await savePage(ada, values({ slug: 'support-groups', title: 'Support groups' })));
  expect(draft).toMatchObject({ created: true, stale: false });
  expect((await row(draft.id))?.status).toBe('draft');
  expect(await getPageBySlug('support-groups')).toBeNull();
  expect((await listPublishedPages()).map((p) => p.slug)).not.toContain('support-groups');
  // A draft keeps saving into the page itself.
  ok(await savePage(ada, values({ id: String(draft.id), slug: 'support-groups', title: 'Support groups', body: 'Drafted.' })));
  expect((await row(draft.id))?.body).toBe('Drafted.');
  expect(await getWorkingCopy('page', draft.id)).toBeNull();

  expect(await publishPage(ada, values({ id: String(draft.id), slug: 'support-groups', title: 'Support groups', body: 'Meet on Thursdays.' }))).toMatchObject({ ok: true, stale: true });
  expect((await getPageBySlug('support-groups'))?.body).toBe('Meet on Thursdays.');
  expect((await listPublishedPages()).map((p) => p.slug)).toContain('support-groups');
  expect((await listRevisions('page', draft.id)).map((r) => [r.authorName, r.fields.body])).toEqual([['Ada Ñúñez-O’Brien', 'Meet on Thursdays.']]);

  expect(await unpublishPage(ada, draft.id)).toMatchObject({ ok: true, stale: true });
  expect(await getPageBySlug('support-groups')).toBeNull();
});

it('keeps a published page’s autosave private until Update, which keeps a revision (and the version before the first)', async () => {
  // A page from before drafts existed: published, with no revision yet.
  const old = (
    await withTransaction((tx) =>
      tx
        .insert(pages)
        .values({ slug: 'about-hearth', title: 'About Hearth', body: 'We began in 2019.', updatedAt: new Date(Date.UTC(2025, 0, 2)) })
        .returning(),
    )
  )[0];
  expect(old.status).toBe('published');
  const before = await row(old.id);
  expect(await savePage(bea, values({ id: String(old.id), slug: 'about-hearth', title: 'About Hearth', body: 'We began in 2019 — half-typ' }))).toMatchObject({
    ok: true,
    stale: false,
    message: expect.stringContaining('Saved privately'),
  });
  expect(await row(old.id)).toEqual(before);
  expect((await getPageBySlug('about-hearth'))?.body).toBe('We began in 2019.');
  expect(await pageEditorView(bea, old.id)).toMatchObject({ fields: { body: 'We began in 2019 — half-typ' }, workingCopy: { savedByName: 'Bea “B” ‹Żółć› 🌿' } });

  expect(await updatePage(bea, values({ id: String(old.id), slug: 'about-hearth', title: 'About Hearth', body: 'We began in 2019, in a kitchen.' }))).toMatchObject({ ok: true, stale: true });
  expect((await getPageBySlug('about-hearth'))?.body).toBe('We began in 2019, in a kitchen.');
  expect(await getWorkingCopy('page', old.id)).toBeNull();
  const revisions = await listRevisions('page', old.id);
  expect(revisions.map((r) => [r.authorName, r.fields.body])).toEqual([
    ['Bea “B” ‹Żółć› 🌿', 'We began in 2019, in a kitchen.'],
    ['an earlier editor', 'We began in 2019.'],
  ]);

  // Restore: the old text into the working copy only; Discard drops it.
  const snapshot = await row(old.id);
  expect(await restorePageRevision(bea, old.id, revisions[1].id)).toMatchObject({ ok: true, stale: false });
  expect(await row(old.id)).toEqual(snapshot);
  expect((await pageEditorView(bea, old.id))?.fields.body).toBe('We began in 2019.');
  expect(await discardPageChanges(bea, old.id)).toMatchObject({ ok: true, stale: false });
  expect(await getWorkingCopy('page', old.id)).toBeNull();
  expect(await row(old.id)).toEqual(snapshot);
});

it('refuses a clashing address for the working copy too, and Update of a draft', async () => {
  const taken = ok(await publishPage(ada, values({ slug: 'privacy-notice' })));
  const other = ok(await publishPage(ada, values({ slug: 'cookies' })));
  expect(await savePage(ada, values({ id: String(other.id), slug: 'privacy-notice' }))).toMatchObject({ ok: false, fieldErrors: { slug: [expect.stringContaining('/privacy-notice')] } });
  expect(await getWorkingCopy('page', other.id)).toBeNull();
  const draft = ok(await savePage(ada, values({ slug: 'not-yet' })));
  expect(await updatePage(ada, values({ id: String(draft.id), slug: 'not-yet' }))).toMatchObject({ ok: false, message: expect.stringContaining('not on the site') });
  expect(taken.id).not.toBe(other.id);
});

it.each(['member', 'author', 'moderator'] as const)('refuses someone with the %s role everything about pages and changes nothing', async (role) => {
  const actor = await person(role, `Someone ${role}`);
  const page = ok(await publishPage(ada, values({ slug: `guarded-${role}` })));
  ok(await savePage(ada, values({ id: String(page.id), slug: `guarded-${role}`, body: 'Private change.' })));
  const [revision] = await listRevisions('page', page.id);
  const state = async () => ({ row: await row(page.id), copy: await getWorkingCopy('page', page.id), revisions: await listRevisions('page', page.id) });
  const before = await state();
  const edit = values({ id: String(page.id), slug: `guarded-${role}`, body: 'Taken over' });
  for (const result of [
    await savePage(actor, edit),
    await publishPage(actor, edit),
    await updatePage(actor, edit),
    await discardPageChanges(actor, page.id),
    await restorePageRevision(actor, page.id, revision.id),
    await unpublishPage(actor, page.id),
  ]) {
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Only the site’s admins') });
  }
  expect(await pageEditorView(actor, page.id)).toBeNull();
  expect(await state()).toEqual(before);
});
