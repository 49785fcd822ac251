/** What a signed-in person sees on an admin page their role does not open. */
export function NotAllowed({ who }: { who: string }) {
  return (
    <div className="page-narrow">
      <h1>Not available to you</h1>
      <p>This page is for {who}. If you think you should have access, ask one of the site’s admins.</p>
    </div>
  );
}
