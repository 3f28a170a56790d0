import { useCallback, useEffect, useState } from 'react';
import { listTeams, listUsers, type Team, type UserAccount } from '../api/people.js';

/** The People screen's data: users and teams, loaded together, with reload and local replacement after a save. */
export function usePeople() {
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const [loadedUsers, loadedTeams] = await Promise.all([listUsers(), listTeams()]);
      setUsers(loadedUsers);
      setTeams(loadedTeams);
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Puts a created or changed user in the list (by username order). */
  const userSaved = useCallback((user: UserAccount) => {
    setUsers((current) => [...(current ?? []).filter((other) => other.id !== user.id), user].sort((a, b) => a.username.localeCompare(b.username)));
  }, []);

  /** Puts a created team in the list (by tier, then name). */
  const teamSaved = useCallback((team: Team) => {
    setTeams((current) => [...(current ?? []).filter((other) => other.name !== team.name), team].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name)));
  }, []);

  const teamDeleted = useCallback((name: string) => {
    setTeams((current) => (current ?? []).filter((team) => team.name !== name));
  }, []);

  return { users, teams, loadError, load, userSaved, teamSaved, teamDeleted };
}
