/**
 * Authors of the export become Hearth users: someone already here with the same email address is reused
 * (raised to author only if they wrote posts), anyone else gets a new author account with their display
 * name. Addresses stay private as for every user.
 */
import { findImported, findUserByEmail, findUserById, insertUser, recordImported, updateUser } from '@/db/queries/wordpress-import';
import type { UserRole } from '@/db/schema-values';
import { dryId, freeSlug, write, inBatch, type ImportContext } from './import-context';
import { addRedirect } from './import-redirects';
import { count, note } from './report';

const ranks: UserRole[] = ['member', 'author', 'moderator', 'admin'];

export async function importAuthors(ctx: ImportContext): Promise<void> {
  const { index, report } = ctx;
  await inBatch(ctx, async (tx) => {
    for (const author of index.authors) {
      const subject = `Author “${author.displayName || author.login}” (WordPress ID ${author.id})`;
      const email = author.email.trim().toLowerCase();
      const known = await findImported(index.source, 'user', author.id, tx);
      const existing = known ? await findUserById(known, tx) : email ? await findUserByEmail(email, tx) : null;
      let id: string;
      let slug: string | null;
      if (existing) {
        id = existing.id;
        slug = existing.slug;
        const wrote = index.writers.has(author.login);
        const changes: { role?: UserRole; slug?: string } = {};
        if (wrote && ranks.indexOf(existing.role) < ranks.indexOf('author')) changes.role = 'author';
        if (wrote && !slug) slug = changes.slug = await freeSlug(ctx, 'users', author.login, author.displayName, subject, tx);
        await write(ctx, () => updateUser(tx, id, changes), undefined);
        if (!known) note(report, { subject, outcome: 'changed', reason: 'Someone here already had this email address: their account is used.' });
        count(report, 'author', 'updated');
      } else if (!email) {
        note(report, { subject, outcome: 'skipped', reason: 'No email address in the export, so no account could be made.' });
        count(report, 'author', 'skipped');
        continue;
      } else {
        const newSlug = await freeSlug(ctx, 'users', author.login, author.displayName, subject, tx);
        slug = newSlug;
        id = await write(ctx, () => insertUser(tx, { name: author.displayName || author.login, email, slug: newSlug, role: 'author' }), String(dryId()));
        count(report, 'author', 'added');
      }
      await write(ctx, () => recordImported(tx, index.source, 'user', author.id, id, ctx.now), undefined);
      ctx.usersByLogin.set(author.login, id);
      if (slug) await addRedirect(ctx, tx, `/author/${author.login}`, `/author/${slug}`);
      ctx.usersById.set(author.id, id);
    }
  });
}
