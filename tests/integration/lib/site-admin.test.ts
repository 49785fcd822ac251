import { eq } from 'drizzle-orm';
import { getDb } from '@/db/index';
import { withTransaction } from '@/db/transaction';
import { getPageBySlug } from '@/db/queries/pages';
import { listStaff, PEOPLE_SEARCH_LIMIT, searchPeople } from '@/db/queries/people-admin';
import { getCommentSettings, getSiteSettings } from '@/db/queries/settings';
import { activityLog, pages, users, type UserRole } from '@/db/schema';
import { invalid } from '@/lib/actions/state';
import { setRole } from '@/lib/site-admin/people';
import { updatePage } from '@/lib/site-admin/page-changes';
import { deletePage, publishPage, savePage } from '@/lib/site-admin/pages';
import { updateSettings } from '@/lib/site-admin/settings';
import { pageEditorSchema, type PageEditorInput } from '@/lib/validations/page-editor';
import { personRoleSchema } from '@/lib/validations/person-role';
import { siteSettingsSchema, type SiteSettingsInput } from '@/lib/validations/site-settings';
import type { CurrentUser } from '@/lib/session';
import type { z } from 'zod';
import { whileTransactionOpen } from '../../helpers/open-transaction';

/** As the server actions call the rules: the form parsed with its schema (refused with the field errors), then the rule. */
const parsedOr = <T, R>(parsed: z.ZodSafeParseResult<T>, rule: (values: T) => R) => (parsed.success ? rule(parsed.data) : invalid(parsed.error));
const saveSettings = (actor: CurrentUser, input: SiteSettingsInput) => parsedOr(siteSettingsSchema.safeParse(input), (values) => updateSettings(actor, values));
const changeRole = (actor: CurrentUser, userId: string, role: string) => parsedOr(personRoleSchema.safeParse({ userId, role }), (target) => setRole(actor, target));
const saveAPage = (actor: CurrentUser, input: PageEditorInput) => parsedOr(pageEditorSchema.safeParse(input), (values) => savePage(actor, values));
const publishAPage = (actor: CurrentUser, input: PageEditorInput) => parsedOr(pageEditorSchema.safeParse(input), (values) => publishPage(actor, values));
const updateAPage = (actor: CurrentUser, input: PageEditorInput) => parsedOr(pageEditorSchema.safeParse(input), (values) => updatePage(actor, values));

let counter = 0;
async function createPerson(role: UserRole, name = `Person ${++counter}`) {
  const row = (
    await withTransaction((tx) =>
      tx
        .insert(users)
        .values({ name, email: `person${++counter}@example.org`, role })
        .returning(),
    )
  )[0];
  return { id: row.id, name: row.name, role: row.role };
}

const activity = () => getDb().select({ action: activityLog.action, subject: activityLog.subject, actorName: activityLog.actorName }).from(activityLog);
const roleOf = async (id: string) => (await getDb().select({ role: users.role, slug: users.slug }).from(users).where(eq(users.id, id)))[0]!;

const NON_ADMINS: UserRole[] = ['member', 'author', 'moderator'];

const validSettings: SiteSettingsInput = {
  name: 'Hearth Together',
  tagline: 'Living well with long illness',
  about: 'A peer community.',
  communityLinks: [
    { label: 'Forum', url: 'https://forum.example.org' },
    { label: 'Mastodon', url: 'https://social.example.org/@hearth' },
  ],
  supportResources: [{ label: 'Samaritans: 116 123', url: 'https://www.samaritans.org' }],
  holdFirstComment: false,
  maxCommentLinks: '5',
  blockedWords: 'Spamword\n\n  cheap pills \nspamword',
  commentsMembersOnly: true,
  commentsNoSnippet: 'on',
  iconUploadId: '',
  logoUploadId: '',
  timeZone: 'Europe/London',
  dateFormat: 'short',
};

describe('updateSettings', () => {
  it.each(NON_ADMINS)('refuses anyone with the %s role and changes nothing', async (role) => {
    const before = { site: await getSiteSettings(), comments: await getCommentSettings(), log: (await activity()).length };
    const result = await saveSettings(await createPerson(role), validSettings);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('Only the site’s admins') });
    expect({ site: await getSiteSettings(), comments: await getCommentSettings(), log: (await activity()).length }).toEqual(before);
  });

  it('saves in its turn while another transaction is open at an await', async () => {
    const admin = await createPerson('admin', 'Zoë O’Brien-Ñúñez');
    expect(await whileTransactionOpen(async () => saveSettings(admin, { ...validSettings, name: 'Łukasz’s Hearth' }))).toMatchObject({ ok: true });
    expect((await getSiteSettings()).name).toBe('Łukasz’s Hearth');
  });

  it('saves everything for an admin and logs it in the same transaction', async () => {
    const admin = await createPerson('admin', 'Ada');
    expect(await saveSettings(admin, validSettings)).toMatchObject({ ok: true });
    expect(await getSiteSettings()).toEqual({
      name: 'Hearth Together',
      tagline: 'Living well with long illness',
      about: 'A peer community.',
      communityLinks: validSettings.communityLinks,
      logo: null,
    });
    expect(await getCommentSettings()).toEqual({
      holdFirstComment: false,
      maxCommentLinks: 5,
      blockedWords: ['spamword', 'cheap pills'],
      supportResources: validSettings.supportResources,
      membersOnly: true,
      noSnippet: true,
    });
    expect((await activity()).at(-1)).toEqual({ action: 'settings.update', subject: 'Site settings', actorName: 'Ada' });
  });

  it.each([
    ['a javascript: link', { communityLinks: [{ label: 'Click', url: 'javascript:alert(1)' }] }, 'communityLinks'],
    ['an address without http(s)', { supportResources: [{ label: 'Helpline', url: 'www.example.org' }] }, 'supportResources'],
    ['a label over 60 characters', { communityLinks: [{ label: 'x'.repeat(61), url: 'https://example.org' }] }, 'communityLinks'],
    ['201 blocked words', { blockedWords: Array.from({ length: 201 }, (_, i) => `word${i}`).join('\n') }, 'blockedWords'],
    ['21 links allowed per comment', { maxCommentLinks: '21' }, 'maxCommentLinks'],
    ['an empty name', { name: '   ' }, 'name'],
  ])('refuses %s with a field error and changes nothing', async (_case, change, field) => {
    const admin = await createPerson('admin');
    const before = { site: await getSiteSettings(), comments: await getCommentSettings(), log: (await activity()).length };
    const result = await saveSettings(admin, { ...validSettings, name: 'Changed', ...change });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fieldErrors?.[field]).toBeTruthy();
    expect({ site: await getSiteSettings(), comments: await getCommentSettings(), log: (await activity()).length }).toEqual(before);
  });
});

describe('setRole', () => {
  it.each(NON_ADMINS)('refuses anyone with the %s role and changes nothing', async (role) => {
    const target = await createPerson('member');
    const log = (await activity()).length;
    expect(await changeRole(await createPerson(role), target.id, 'admin')).toMatchObject({ ok: false, message: expect.stringContaining('Only the site’s admins') });
    expect((await roleOf(target.id)).role).toBe('member');
    expect(await activity()).toHaveLength(log);
  });

  it('makes a member an author with a unique author slug from their name, and logs it', async () => {
    const admin = await createPerson('admin', 'Ada');
    const first = await createPerson('member', 'Robin Ash');
    const second = await createPerson('member', 'Robin Ash');
    expect(await changeRole(admin, first.id, 'author')).toMatchObject({ ok: true, message: expect.stringContaining('/author/robin-ash') });
    expect(await changeRole(admin, second.id, 'author')).toMatchObject({ ok: true });
    expect(await roleOf(first.id)).toEqual({ role: 'author', slug: 'robin-ash' });
    expect(await roleOf(second.id)).toEqual({ role: 'author', slug: 'robin-ash-2' });
    expect((await activity()).at(-1)).toEqual({ action: 'person.role', subject: 'Robin Ash → author', actorName: 'Ada' });
  });

  it('keeps an existing author slug when the role changes again', async () => {
    const admin = await createPerson('admin');
    const person = await createPerson('member', 'Sam');
    await changeRole(admin, person.id, 'author');
    await changeRole(admin, person.id, 'moderator');
    expect(await roleOf(person.id)).toEqual({ role: 'moderator', slug: 'sam' });
  });

  it('refuses a change of your own role', async () => {
    const admin = await createPerson('admin');
    const log = (await activity()).length;
    expect(await changeRole(admin, admin.id, 'member')).toMatchObject({ ok: false, message: expect.stringContaining('your own role') });
    expect((await roleOf(admin.id)).role).toBe('admin');
    expect(await activity()).toHaveLength(log);
  });

  it('never leaves the site without an admin, even when two admins demote each other', async () => {
    // Start from a database whose only admins are these two.
    await withTransaction((tx) => tx.update(users).set({ role: 'member' }).where(eq(users.role, 'admin')));
    const first = await createPerson('admin');
    const second = await createPerson('admin');
    expect(await changeRole(first, second.id, 'member')).toMatchObject({ ok: true });
    // The second admin's page was loaded before the demotion: their session still says admin.
    const log = (await activity()).length;
    expect(await changeRole(second, first.id, 'member')).toMatchObject({ ok: false, message: expect.stringContaining('only admin') });
    expect((await roleOf(first.id)).role).toBe('admin');
    expect(await activity()).toHaveLength(log);
  });

  it('keeps one admin when two admins demote each other at the same moment', async () => {
    await withTransaction((tx) => tx.update(users).set({ role: 'member' }).where(eq(users.role, 'admin')));
    const zoe = await createPerson('admin', 'Zoë O’Brien-Ñúñez');
    const lukasz = await createPerson('admin', 'Łukasz');
    const answers = await Promise.all([changeRole(zoe, lukasz.id, 'member'), changeRole(lukasz, zoe.id, 'member')]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect([(await roleOf(zoe.id)).role, (await roleOf(lukasz.id)).role].filter((role) => role === 'admin')).toHaveLength(1);
  });

  it('refuses unknown roles and people with a clear message', async () => {
    const admin = await createPerson('admin');
    const target = await createPerson('member');
    expect(await changeRole(admin, target.id, 'owner')).toMatchObject({ ok: false, fieldErrors: { role: ['Choose a role from the list.'] } });
    expect(await changeRole(admin, 'no-such-person', 'author')).toMatchObject({ ok: false, message: expect.stringContaining('no longer has an account') });
    expect((await roleOf(target.id)).role).toBe('member');
  });
});

describe('finding people for /admin/people', () => {
  it('lists only people with more than the member role', async () => {
    const member = await createPerson('member');
    const moderator = await createPerson('moderator');
    const ids = (await listStaff()).map((p) => p.id);
    expect(ids).toContain(moderator.id);
    expect(ids).not.toContain(member.id);
  });

  it('searches email and name, reads % and _ literally, and stops at the limit', async () => {
    const named = await createPerson('member', 'Quill 100%');
    expect((await searchPeople('quill 100%')).map((p) => p.id)).toEqual([named.id]);
    expect(await searchPeople('Qu_ll')).toEqual([]);
    expect((await searchPeople(`person${counter}@`)).map((p) => p.id)).toEqual([named.id]);
    for (let i = 0; i < PEOPLE_SEARCH_LIMIT + 5; i++) await createPerson('member', `Many ${i}`);
    expect(await searchPeople('Many')).toHaveLength(PEOPLE_SEARCH_LIMIT);
  });
});

describe('savePage and deletePage', () => {
  const about = { id: '', title: 'About Hearth', slug: 'about', body: '# Hello\n\nWe are a peer community.', navOrder: '1' };
  const pageCount = async () => (await getDb().select().from(pages)).length;

  it.each(NON_ADMINS)('refuse anyone with the %s role and change nothing', async (role) => {
    const actor = await createPerson(role);
    const before = { pages: await pageCount(), log: (await activity()).length };
    expect(await saveAPage(actor, { ...about, slug: `by-${role}` })).toMatchObject({ ok: false, message: expect.stringContaining('Only the site’s admins') });
    const existing = (
      await withTransaction((tx) =>
        tx
          .insert(pages)
          .values({ slug: `kept-${role}`, title: 'Kept', body: 'Text' })
          .returning(),
      )
    )[0];
    expect(await deletePage(actor, existing.id)).toMatchObject({ ok: false });
    expect(await getPageBySlug(`kept-${role}`)).not.toBeNull();
    expect({ pages: (await pageCount()) - 1, log: (await activity()).length }).toEqual(before);
  });

  it('creates, updates and deletes a page for an admin, logging each step', async () => {
    const admin = await createPerson('admin', 'Ada');
    const created = await publishAPage(admin, about);
    expect(created).toMatchObject({ ok: true, created: true });
    const id = (created.ok && created.id) || 0;
    expect(await getPageBySlug('about')).toMatchObject({ title: 'About Hearth', body: about.body });

    expect(await updateAPage(admin, { ...about, id: String(id), title: 'About us', slug: 'about-us', navOrder: '' })).toMatchObject({ ok: true, created: false });
    expect(await getPageBySlug('about')).toBeNull();
    expect((await getDb().select({ navOrder: pages.navOrder, title: pages.title }).from(pages).where(eq(pages.id, id)))[0]).toEqual({ navOrder: null, title: 'About us' });

    expect(await deletePage(admin, id)).toMatchObject({ ok: true, title: 'About us' });
    expect(await getPageBySlug('about-us')).toBeNull();
    expect(await deletePage(admin, id)).toMatchObject({ ok: false, message: expect.stringContaining('no longer exists') });

    expect((await activity()).slice(-3)).toEqual([
      { action: 'page.publish', subject: '“About Hearth”', actorName: 'Ada' },
      { action: 'page.update', subject: '“About us”', actorName: 'Ada' },
      { action: 'page.delete', subject: '“About us”', actorName: 'Ada' },
    ]);
  });

  it('refuses a slug another page already uses, and changes nothing', async () => {
    const admin = await createPerson('admin');
    await publishAPage(admin, { ...about, slug: 'privacy', title: 'Privacy' });
    const other = await saveAPage(admin, { ...about, slug: 'disclaimer', title: 'Disclaimer' });
    const before = { pages: await pageCount(), log: (await activity()).length };
    expect(await saveAPage(admin, { ...about, slug: 'privacy', title: 'Second privacy' })).toMatchObject({
      ok: false,
      fieldErrors: { slug: ['Another page already uses “/privacy”. Choose another web address.'] },
    });
    expect(await saveAPage(admin, { ...about, id: String(other.ok && other.id), slug: 'privacy' })).toMatchObject({ ok: false, fieldErrors: { slug: [expect.any(String)] } });
    expect((await getPageBySlug('privacy'))!.title).toBe('Privacy');
    expect({ pages: await pageCount(), log: (await activity()).length }).toEqual(before);
  });

  it.each([
    ['admin', 'already used by the site itself'],
    ['feed.xml', 'already used by the site itself'],
    ['About', 'lowercase'],
    ['about us', 'cannot contain spaces'],
    ['über', 'only lowercase letters, digits and hyphens'],
    ['-about', 'Hyphens go between words'],
  ])('refuses the slug “%s” (%s) and changes nothing', async (slug, problem) => {
    const admin = await createPerson('admin');
    const before = { pages: await pageCount(), log: (await activity()).length };
    const result = await saveAPage(admin, { ...about, slug });
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fieldErrors?.slug?.[0]).toContain(problem);
    expect({ pages: await pageCount(), log: (await activity()).length }).toEqual(before);
  });

  it('refuses a body over 200 KB and a menu position that is not a whole number', async () => {
    const admin = await createPerson('admin');
    expect(await saveAPage(admin, { ...about, slug: 'long', body: 'é'.repeat(103 * 1024) })).toMatchObject({ ok: false, fieldErrors: { body: [expect.stringContaining('200 KB')] } });
    expect(await saveAPage(admin, { ...about, slug: 'menu', navOrder: 'first' })).toMatchObject({ ok: false, fieldErrors: { navOrder: [expect.any(String)] } });
    expect(await getPageBySlug('long')).toBeNull();
    expect(await getPageBySlug('menu')).toBeNull();
  });
});
