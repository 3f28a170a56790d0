import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { searchCases } from '../api/cases.js';
import type { SearchAnswer } from '../../../server/routes/search/bodies.js';
import { Link } from '../app/Link.js';
import { Bdi } from '../ui/Bdi.js';
import { formatDateTime } from '../ui/formatTime.js';
import { Empty, ErrorState, Loading } from '../ui/States.js';
import { TierBadge } from '../ui/TierBadge.js';

/** The pages read so far, joined: their results, and where the last one ended. */
type Found = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; answer: SearchAnswer; more: 'idle' | 'loading' | string } | { kind: 'error'; message: string };

const HIT_WORDS = { message: 'Message', note: 'Internal note', customer: 'Customer', case: 'Case id' } as const;

/** Search the cases of your teams: every word must appear in a message, a note, the customer's name or handle, or a tag. The query stays in the address. */
export function SearchView() {
  const id = useId();
  const [query, setQuery] = useState(() => new URLSearchParams(window.location.search).get('q') ?? '');
  const [asked, setAsked] = useState(query);
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (asked.trim() === '') return;
    const abort = new AbortController();
    setFound({ kind: 'loading' });
    searchCases(asked.trim(), null, abort.signal).then((answer) => setFound({ kind: 'ready', answer, more: 'idle' }), (error: Error) => {
      if (!abort.signal.aborted) setFound({ kind: 'error', message: error.message });
    });
    return () => abort.abort();
  }, [asked]);

  // The next page goes after the results shown; a failure keeps them and says so beside the button.
  const searchOlder = (answer: SearchAnswer) => {
    setFound({ kind: 'ready', answer, more: 'loading' });
    searchCases(asked.trim(), answer.nextCursor).then(
      (next) => setFound({ kind: 'ready', answer: { ...next, results: [...answer.results, ...next.results] }, more: 'idle' }),
      (error: Error) => setFound({ kind: 'ready', answer, more: error.message }),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(query);
    window.history.replaceState(null, '', `/search?${new URLSearchParams({ q: query }).toString()}`);
  };

  return (
    <section className="search" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>Search</h1>
      <form role="search" onSubmit={submit} className="search-form">
        <label htmlFor={`${id}-q`}>Find cases by words in messages, notes, customer names, handles or tags</label>
        <input id={`${id}-q`} type="search" value={query} maxLength={100} autoFocus onChange={(e) => setQuery(e.target.value)} />
        <button type="submit" disabled={query.trim() === ''}>Search</button>
      </form>
      <div aria-live="polite">
        {found.kind === 'loading' && <Loading label="Searching" />}
        {found.kind === 'error' && <ErrorState message={`Search failed: ${found.message}`} />}
        {found.kind === 'ready' && <SearchSummary answer={found.answer} asked={asked} />}
      </div>
      {found.kind === 'ready' && found.answer.results.length > 0 && (
        <ol className="search-results">
          {found.answer.results.map(({ case: item, hits }) => (
            <li key={item.id}>
              <Link href={`/cases/${encodeURIComponent(item.id)}`} className="search-result">
                <span className="case-row-top">
                  <span className="customer"><Bdi>{item.customer.name || item.customer.handle || item.customer.id}</Bdi></span>
                  <TierBadge tier={item.tier} />
                  <span className={`status status-${item.status}`}>{item.status}</span>
                  <span className="team">{item.team}</span>
                </span>
              </Link>
              <ul className="search-hits">
                {hits.map((hit, index) => (
                  <li key={index}><span className="hit-kind">{HIT_WORDS[hit.kind]}</span>, <time dateTime={hit.at}>{formatDateTime(hit.at)}</time>: <Bdi>{hit.text}</Bdi></li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {found.kind === 'ready' && found.answer.nextCursor && (
        <p className="search-more">
          <button type="button" className="secondary" disabled={found.more === 'loading'} onClick={() => searchOlder(found.answer)}>
            {found.more === 'loading' ? 'Searching older cases…' : 'Search older cases'}
          </button>
          {found.more !== 'idle' && found.more !== 'loading' && <span className="form-error" role="alert"> Could not search further: {found.more}</span>}
        </p>
      )}
    </section>
  );
}

/** How many cases were found, and, while older cases are left to search, how far back the search went. */
function SearchSummary({ answer, asked }: { answer: SearchAnswer; asked: string }) {
  const count = answer.results.length;
  const since = answer.searchedBackTo && <> in the cases opened since <time dateTime={answer.searchedBackTo}>{formatDateTime(answer.searchedBackTo)}</time>; older cases are not searched yet</>;
  if (count === 0 && !answer.nextCursor) return <Empty>No case of your teams matches “{asked}”.</Empty>;
  return <p>{count} {count === 1 ? 'case' : 'cases'} found{since}.</p>;
}
