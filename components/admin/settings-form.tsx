'use client';
/** Everything about the site that volunteers change: its name and links, its icon, logo, clock and dates, the comment rules, privacy. */
import { ActionForm } from '@/components/ui/action-form';
import { TextAreaField } from '@/components/ui/text-area-field';
import { TextField } from '@/components/ui/text-field';
import { useActionForm } from '@/components/ui/use-action-form';
import type { FormAction } from '@/lib/actions/state';
import { MAX_BLOCKED_WORDS, siteSettingsSchema, type SiteSettingsInput } from '@/lib/validations/site-settings';
import { LinkListFields } from './link-list-fields';
import { SiteIdentityFields, type IdentityImage } from './site-identity-fields';

type CheckboxName = 'holdFirstComment' | 'commentsMembersOnly' | 'commentsNoSnippet';
/** The current settings as the form shows them: numbers and word lists as text, switches as booleans. */
export type SettingsFormValues = Omit<SiteSettingsInput, CheckboxName> & Record<CheckboxName, boolean>;

type Props = { action: FormAction; current: SettingsFormValues; timeZones: string[]; icon: IdentityImage; logo: IdentityImage };

export function SettingsForm({ action, current, timeZones, icon, logo }: Props) {
  const controller = useActionForm(siteSettingsSchema, action, current);
  const { form } = controller;
  const { errors } = form.formState;
  // Checkboxes are also rendered checked in the HTML, so a save without JavaScript keeps them.
  const checkbox = (name: CheckboxName, label: string) => (
    <label className="choice">
      <input type="checkbox" defaultChecked={current[name]} {...form.register(name)} /> {label}
    </label>
  );
  return (
    <ActionForm controller={controller} submitLabel="Save settings" pendingLabel="Saving…">
      <h2>The site</h2>
      <TextField label="Site name" maxLength={80} defaultValue={current.name} error={errors.name?.message} registration={form.register('name')} />
      <TextField label="Tagline" hint="One line under the name." maxLength={160} defaultValue={current.tagline} error={errors.tagline?.message} registration={form.register('tagline')} />
      <TextAreaField label="About" hint="A few sentences shown in the footer." rows={4} defaultValue={current.about} error={errors.about?.message} registration={form.register('about')} />
      <LinkListFields form={form} name="communityLinks" legend="Community links" hint="Shown in the footer, in this order." itemNoun="Link" />
      <LinkListFields form={form} name="supportResources" legend="Support resources" hint="Helplines and peer support, shown to someone who reports a comment." itemNoun="Resource" />

      <SiteIdentityFields form={form} timeZones={timeZones} icon={icon} logo={logo} />

      <h2>Comments</h2>
      {checkbox('holdFirstComment', 'Hold a member’s first comment until a moderator approves it')}
      <TextField
        label="Most links allowed in a comment"
        hint="Comments with more links wait for a moderator. 0 to 20."
        inputMode="numeric"
        maxLength={2}
        defaultValue={current.maxCommentLinks}
        error={errors.maxCommentLinks?.message}
        registration={form.register('maxCommentLinks')}
      />
      <TextAreaField
        label="Blocked words"
        hint={`One word or phrase per line (at most ${MAX_BLOCKED_WORDS}). Comments containing one wait for a moderator.`}
        rows={6}
        defaultValue={current.blockedWords}
        error={errors.blockedWords?.message}
        registration={form.register('blockedWords')}
      />

      <h2>Emails</h2>
      <fieldset className="choices">
        <legend>New-post emails to subscribers carry</legend>
        <label className="choice">
          <input type="radio" value="full" defaultChecked={current.newPostEmail !== 'summary'} {...form.register('newPostEmail')} /> The whole post
        </label>
        <label className="choice">
          <input type="radio" value="summary" defaultChecked={current.newPostEmail === 'summary'} {...form.register('newPostEmail')} /> Its summary and a link to read it on the site
        </label>
        {errors.newPostEmail?.message && <p className="field__error">{errors.newPostEmail.message}</p>}
      </fieldset>

      <h2>Privacy</h2>
      {checkbox('commentsMembersOnly', 'Show comments only to signed-in members')}
      {checkbox('commentsNoSnippet', 'Ask search engines not to show comment text in their results')}
    </ActionForm>
  );
}
