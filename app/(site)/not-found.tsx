import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page-narrow not-found">
      <h1>We couldn’t find that page</h1>
      <p>
        It may not be published yet, or its address may have changed. Try the <Link href="/">latest posts</Link> or the <Link href="/archive">archive</Link>.
      </p>
    </div>
  );
}
