/** One live region that says what an action did; kept outside the items acted on, which may leave the page. */
export type Announcement = { message: string; ok: boolean };

export function LiveAnnouncement({ announcement }: { announcement: Announcement }) {
  return (
    <p aria-live="polite" role="status" className={announcement.ok ? 'form-status notice' : 'form-status notice form-status--error'}>
      {announcement.message}
    </p>
  );
}
