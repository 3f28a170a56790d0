import { ErrorState, Loading } from '../ui/States.js';
import { BusinessHoursSection } from './BusinessHoursSection.js';
import { NewUserForm } from './NewUserForm.js';
import { SavedRepliesSection } from './SavedRepliesSection.js';
import { TeamsSection } from './TeamsSection.js';
import { UserList } from './UserList.js';
import { usePeople } from './usePeople.js';
import './people.css';

/** Admins' People screen: users (add, change role and teams, disable) teams (add, delete, assignment, business hours) and saved replies. */
export function PeopleView() {
  const people = usePeople();
  if (people.loadError) return <ErrorState message={`Could not load users and teams: ${people.loadError}`} onRetry={() => void people.load()} />;
  if (!people.users || !people.teams) return <Loading label="Loading users and teams" />;
  return (
    <section className="people" aria-labelledby="people-title">
      <div className="inbox-head">
        <h1 id="people-title">People</h1>
        <p className="muted">Who logs in, with which role, in which teams. A change reaches the person's open sessions at once.</p>
      </div>
      <div className="people-body">
        <section aria-labelledby="users-title">
          <h2 id="users-title">Users</h2>
          <UserList users={people.users} teams={people.teams} onSaved={people.userSaved} />
          <NewUserForm teams={people.teams} onCreated={people.userSaved} />
        </section>
        <TeamsSection teams={people.teams} onCreated={people.teamSaved} onDeleted={people.teamDeleted} />
        <BusinessHoursSection teams={people.teams} onSaved={people.teamSaved} />
        <SavedRepliesSection />
      </div>
    </section>
  );
}
