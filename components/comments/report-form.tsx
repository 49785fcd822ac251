'use client';
/** Reporting a comment with a reason; the thank-you points to support the site has listed. */
import { FormStatus } from '@/components/ui/form-status';
import { useActionForm } from '@/components/ui/use-action-form';
import { reportCommentAction } from '@/lib/actions/comments';
import { REPORT_REASON_LABELS } from '@/lib/validations/comment-limits';
import { useComments } from './comments-context';

const loadReportSchema = () => import('@/lib/validations/comment').then((m) => m.reportSchema);

export function ReportForm({ commentId }: { commentId: number }) {
  const { supportResources } = useComments();
  const { form, state, pending, formAction, onSubmit } = useActionForm(loadReportSchema, reportCommentAction, { commentId, reason: undefined as never, note: '' });
  if (state.ok) {
    return (
      <div className="comment-report" role="status">
        <p>{state.message}</p>
        {supportResources.length > 0 && (
          <>
            <p>If this touched something painful, these may help:</p>
            <ul>
              {supportResources.map((r) => (
                <li key={r.url}>
                  <a href={r.url} rel="noopener">
                    {r.label}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  const reasonError = form.formState.errors.reason?.message;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="comment-report">
      <input type="hidden" {...form.register('commentId')} />
      <fieldset>
        <legend>Why are you reporting this comment?</legend>
        {Object.entries(REPORT_REASON_LABELS).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register('reason')} /> {label}
          </label>
        ))}
        {reasonError && <p className="field__error">{reasonError}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor={`report-note-${commentId}`}>Anything the moderators should know? (optional)</label>
        <textarea id={`report-note-${commentId}`} rows={2} {...form.register('note')} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send report'}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
