/** What a signed-in non-admin sees on an admin-only page instead of it. */
export function AdminsOnly() {
  return (
    <div className="page-narrow">
      <h1>Admins only</h1>
      <p>This page is for the site’s admins. If you think you should have access, ask one of them.</p>
    </div>
  );
}
