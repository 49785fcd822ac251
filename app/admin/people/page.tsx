import type { Metadata } from 'next';
import { NotAllowed } from '@/components/admin/not-allowed';
import { PersonRoleForm } from '@/components/admin/person-role-form';
import { listStaff, PEOPLE_SEARCH_LIMIT, searchPeople, type PersonRow } from '@/db/queries/people-admin';
import { setRoleAction } from '@/lib/actions/site-admin';
import { SiteDate } from '@/components/layout/site-date';
import { ADMINS } from '@/lib/roles';
import { requireRoleOrSignIn } from '@/lib/admin-access';
import { ROLE_LABELS } from '@/lib/validations/person-role';
import { adminSearchText } from '@/lib/admin-search';

export const metadata: Metadata = { title: 'People and roles' };

type Props = { searchParams: Promise<{ q?: string }> };

function PeopleTable({ caption, people, currentUserId }: { caption: string; people: PersonRow[]; currentUserId: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Joined</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td>{person.name ?? <em>No display name yet</em>}</td>
              <td>{person.email}</td>
              <td>
                <SiteDate iso={person.joinedAt.toISOString()} />
              </td>
              <td>
                {person.id === currentUserId ? (
                  // Changing your own role is refused anyway: saying so beats a form that always fails.
                  <>{ROLE_LABELS[person.role]} (you; another admin can change this)</>
                ) : (
                  <PersonRoleForm action={setRoleAction} person={{ id: person.id, name: person.name, role: person.role }} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function PeoplePage({ searchParams }: Props) {
  const user = await requireRoleOrSignIn('/admin/people', ADMINS);
  if (!user) return <NotAllowed who="the site’s admins" />;
  const search = adminSearchText((await searchParams).q, 254);
  const found = search ? await searchPeople(search) : [];
  return (
    <div className="page-wide">
      <h1>People and roles</h1>
      <p>Authors write posts, moderators look after comments, admins run the whole site. Members read and comment. Making someone an author gives them an author page.</p>

      <section aria-labelledby="find-heading">
        <h2 id="find-heading">Find a member</h2>
        <form method="get" action="/admin/people" role="search" className="inline-form">
          <label htmlFor="people-search">Email or display name</label>
          <input id="people-search" name="q" type="search" defaultValue={search} maxLength={254} />
          <button type="submit">Search</button>
        </form>
        {search &&
          (found.length === 0 ? (
            <p className="empty-state">Nobody’s email or name contains “{search}”.</p>
          ) : (
            <PeopleTable
              caption={found.length === PEOPLE_SEARCH_LIMIT ? `The first ${PEOPLE_SEARCH_LIMIT} matches for “${search}”: add more of the address to narrow it` : `Matches for “${search}”`}
              people={found}
              currentUserId={user.id}
            />
          ))}
      </section>

      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">Authors, moderators and admins</h2>
        <PeopleTable caption="Everyone with more than the member role" people={await listStaff()} currentUserId={user.id} />
      </section>
    </div>
  );
}
