import { CASE_STATUSES, TIERS, type CaseFilters, type CaseStatus, type Tier } from '../api/types.js';

/** Team, status and tier filters (the server filters; live arrivals are matched against the same filters). */
export function InboxFilters({ filters, teams, onChange }: { filters: CaseFilters; teams: string[]; onChange(filters: CaseFilters): void }) {
  return (
    <form className="filters" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
      {teams.length > 1 && (
        <div className="field">
          <label htmlFor="filter-team">Team</label>
          <select id="filter-team" value={filters.team ?? ''} onChange={(e) => onChange({ ...filters, team: e.target.value })}>
            <option value="">All my teams</option>
            {teams.map((team) => <option key={team} value={team}>{team}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filters.status ?? ''} onChange={(e) => onChange({ ...filters, status: e.target.value as CaseStatus | '' })}>
          <option value="">All</option>
          {CASE_STATUSES.map((status) => <option key={status} value={status}>{status}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-tier">Tier</label>
        <select id="filter-tier" value={filters.tier ?? ''} onChange={(e) => onChange({ ...filters, tier: e.target.value === '' ? '' : (Number(e.target.value) as Tier) })}>
          <option value="">All</option>
          {TIERS.map((tier) => <option key={tier} value={tier}>Tier {tier}</option>)}
        </select>
      </div>
    </form>
  );
}
