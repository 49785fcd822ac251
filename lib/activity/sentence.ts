/**
 * The activity log in plain words: "Ada approved a comment by Sam on “Pacing with an energy budget”".
 * Rows store a code and a subject; the sentence is made when the log is read, so older rows (whose
 * subject is "comment #12 on /posts/pacing") still read sensibly, and an unknown code still says something.
 */
import type { ActivityEntry } from '@/db/queries/activity';

/** What each code did; `{}` is where the subject goes. */
const WORDS: Record<string, string> = {
  'post.create': 'started the post {}',
  'post.update': 'updated the post {}',
  'post.publish': 'published {}',
  'post.schedule': 'scheduled {}',
  'post.unpublish': 'unpublished {}',
  'post.delete': 'deleted the post {}',
  'page.create': 'created the page {}',
  'page.update': 'updated the page {}',
  'page.delete': 'deleted the page {}',
  'page.publish': 'published the page {}',
  'page.unpublish': 'unpublished the page {}',
  'category.create': 'added the category {}',
  'category.update': 'changed the category {}',
  'category.delete': 'deleted the category {}',
  'tag.rename': 'renamed the tag {}',
  'tag.merge': 'merged the tag {}',
  'tag.delete': 'deleted the tag {}',
  'menu.update': 'rearranged the menu ({})',
  'stats.on': 'turned private view counting on',
  'stats.off': 'turned private view counting off',
  'upload.create': 'uploaded the image {}',
  'person.role': 'changed a role: {}',
  'settings.update': 'changed the site settings',
  'comment.approve': 'approved {}',
  'comment.spam': 'marked {} as spam',
  'comment.delete': 'deleted {}',
  'comment.block': 'paused commenting for the author of {}',
  'comment.approve-edit': 'approved the held edit of {}',
  'comment.reject-edit': 'rejected the held edit of {}',
  'comment.close-reports': 'closed the reports on {}, which stays up',
  'comment.edit': 'edited the text of {}',
};

export function activitySentence(entry: Pick<ActivityEntry, 'actorName' | 'action' | 'subject'>): string {
  const words = WORDS[entry.action];
  return words ? `${entry.actorName} ${words.replace('{}', () => entry.subject)}` : `${entry.actorName}: ${entry.action.replace(/[.-]/g, ' ')}, ${entry.subject}`;
}
