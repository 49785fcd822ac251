/** The page editor's server actions, passed together to the client editor and the page's panels. */
import type { FormAction } from './state';
import { discardPageChangesAction, publishPageAction, restorePageRevisionAction, unpublishPageAction, updatePageAction } from './pages';
import { deletePageAction, savePageAction } from './site-admin';

export type PageActions = { save: FormAction; publish: FormAction; update: FormAction; discard: FormAction; restore: FormAction; unpublish: FormAction; remove: FormAction };

export const pageActions: PageActions = {
  save: savePageAction,
  publish: publishPageAction,
  update: updatePageAction,
  discard: discardPageChangesAction,
  restore: restorePageRevisionAction,
  unpublish: unpublishPageAction,
  remove: deletePageAction,
};
