import { useEffect, useState, type ReactNode } from 'react';
import { useMediaQuery } from '../ui/useMediaQuery.js';
import { DEFAULT_SORT } from './inboxQuery.js';
import { CASE_STATUSES, PRIORITIES, TIERS, type CaseFilters, type CaseSort, type CaseStatus, type Channel, type Priority, type Tier } from '../api/types.js';

interface InboxFiltersProps {
  filters: CaseFilters;
  teams: string[];
  onChange(filters: CaseFilters): void;
}

/**
 * The inbox's filters and sort (the server filters; live arrivals are matched against the same filters).
 * At phone width they fold behind a summary that says how many are set, so the cases stay in view.
 */
export function InboxFilters(props: InboxFiltersProps) {
  const narrow = useMediaQuery('(max-width: 700px)');
  if (!narrow) return <FilterForm {...props} />;
  const active = activeFilterCount(props.filters);
  return (
    <details className="filters-folded">
      <summary>Filters and sort{active > 0 ? ` (${active} set)` : ''}</summary>
      <FilterForm {...props} />
    </details>
  );
}

function activeFilterCount(filters: CaseFilters): number {
  const { sort, active, ...rest } = filters;
  return Object.values(rest).filter((value) => value !== undefined && value !== '').length + (sort && sort !== DEFAULT_SORT ? 1 : 0) + (active === false && !rest.status ? 1 : 0);
}

/** The status choice that stands for `active=true` (the default view). */
const ACTIVE = 'active';

function FilterForm({ filters, teams, onChange }: InboxFiltersProps) {
  const set = (change: Partial<CaseFilters>) => onChange({ ...filters, ...change });
  return (
    <form className="filters" aria-label="Filter cases" style={{ flexWrap: 'wrap' }} onSubmit={(e) => e.preventDefault()}>
      {teams.length > 1 && (
        <Select id="filter-team" label="Team" value={filters.team ?? ''} onChange={(team) => set({ team })}>
          <option value="">All my teams</option>
          {teams.map((team) => <option key={team} value={team}>{team}</option>)}
        </Select>
      )}
      <Select id="filter-status" label="Status" value={filters.status || (filters.active ? ACTIVE : '')} onChange={(status) => set(status === ACTIVE ? { status: '', active: true } : { status: status as CaseStatus | '', active: false })}>
        <option value={ACTIVE}>To do (not resolved or suppressed)</option>
        <option value="">All</option>
        {CASE_STATUSES.map((status) => <option key={status} value={status}>{status === 'suppressed' ? 'suppressed (noise, blocked people)' : status}</option>)}
      </Select>
      <Select id="filter-snoozed" label="Snoozed" value={filters.snoozed === true ? 'only' : ''} onChange={(value) => set({ snoozed: value === 'only' ? true : '' })}>
        <option value="">Hidden until they wake</option>
        <option value="only">Snoozed only</option>
      </Select>
      <Select id="filter-tier" label="Tier" value={String(filters.tier ?? '')} onChange={(tier) => set({ tier: tier === '' ? '' : (Number(tier) as Tier) })}>
        <option value="">All</option>
        {TIERS.map((tier) => <option key={tier} value={tier}>Tier {tier}</option>)}
      </Select>
      <Select id="filter-priority" label="Priority" value={filters.priority ?? ''} onChange={(priority) => set({ priority: priority as Priority | '' })}>
        <option value="">All</option>
        {PRIORITIES.map((priority) => <option key={priority} value={priority}>{priority}</option>)}
      </Select>
      <Select id="filter-channel" label="Channel" value={filters.channel ?? ''} onChange={(channel) => set({ channel: channel as Channel | '' })}>
        <option value="">All</option>
        <option value="public">Public</option>
        <option value="dm">DM</option>
      </Select>
      <Select id="filter-assignee" label="Assigned" value={filters.assignee ?? ''} onChange={(assignee) => set({ assignee })}>
        <option value="">Anyone or no one</option>
        <option value="me">To me</option>
        <option value="none">Unassigned</option>
        {filters.assignee && filters.assignee !== 'me' && filters.assignee !== 'none' && <option value={filters.assignee}>To {filters.assignee}</option>}
      </Select>
      <TagFilter tag={filters.tag ?? ''} onChange={(tag) => set({ tag })} />
      <Select id="filter-sort" label="Sort" value={filters.sort ?? DEFAULT_SORT} onChange={(sort) => set({ sort: sort as CaseSort })}>
        <option value="priority">Priority, then target due</option>
        <option value="activity">Newest activity</option>
        <option value="due">Response target due first</option>
      </Select>
    </form>
  );
}

function Select({ id, label, value, onChange, children }: { id: string; label: string; value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>{children}</select>
    </div>
  );
}

/** A tag to filter by, applied on Enter or when the field loses focus (not on every key, which would refetch each time). */
function TagFilter({ tag, onChange }: { tag: string; onChange(tag: string): void }) {
  const [draft, setDraft] = useState(tag);
  useEffect(() => setDraft(tag), [tag]);
  const apply = () => {
    const next = draft.trim();
    if (next !== tag) onChange(next);
  };
  return (
    <div className="field">
      <label htmlFor="filter-tag">Tag</label>
      <input
        id="filter-tag"
        type="search"
        size={10}
        maxLength={64}
        value={draft}
        placeholder="any"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
          if (e.key === 'Escape') setDraft(tag);
        }}
      />
    </div>
  );
}
