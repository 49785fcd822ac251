import Link from 'next/link';

// Addresses that match no route at all; reader routes show app/(site)/not-found.tsx instead.
export default function NotFound() {
  return (
    <main id="main" className="page-narrow not-found">
      <h1>We couldn’t find that page</h1>
      <p>
        The address may be mistyped, or the page may have moved. <Link href="/">Go to the home page</Link>.
      </p>
    </main>
  );
}
