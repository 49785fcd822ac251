/** A titled table of counts for /admin/stats (top posts, referring sites), scrolling inside itself on a phone. */
import Link from 'next/link';

type Cell = { text: string; href?: string };
type Props = { title: string; hint?: string; empty: string; headers: [string, string]; rows: { key: string; cells: [Cell, Cell] }[] };

export function StatsTable({ title, hint, empty, headers, rows }: Props) {
  const id = title.toLowerCase().replace(/[^a-z]+/g, '-');
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && <p>{hint}</p>}
      {rows.length === 0 ? (
        <p className="empty-state">{empty}</p>
      ) : (
        <div className="stats-table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{headers[0]}</th>
                <th scope="col">{headers[1]}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <td>{row.cells[0].href ? <Link href={row.cells[0].href}>{row.cells[0].text}</Link> : row.cells[0].text}</td>
                  <td>{row.cells[1].text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
