import { useCallback, useEffect, useId, useState } from 'react';
import { listVersions, rollback, type PublishedVersion, type RuleSetDiff } from '../api/rules.js';
import { formatDateTime } from '../ui/formatTime.js';
import { ErrorState, Loading } from '../ui/States.js';

/** A diff in words: what was added, removed, changed and moved. */
function describeDiff(diff: RuleSetDiff | null): string {
  if (!diff) return 'first version';
  const parts = [
    diff.added.length > 0 && `added ${diff.added.join(', ')}`,
    diff.removed.length > 0 && `removed ${diff.removed.join(', ')}`,
    diff.changed.length > 0 && `changed ${diff.changed.map((change) => `${change.id} (${change.parts.join(', ')})`).join(', ')}`,
    diff.moved.length > 0 && `moved ${diff.moved.map((move) => `${move.id} ${move.from + 1}→${move.to + 1}`).join(', ')}`,
    diff.fallbackChanged && 'fallback changed',
    diff.nameChanged && 'renamed',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'no change';
}

/** The published versions, newest first, with what each changed, and rollback to an older one (republished as a new version). */
export function VersionsPanel({ activeVersion, onRolledBack }: { activeVersion: number; onRolledBack(version: number): void }) {
  const id = useId();
  const [versions, setVersions] = useState<PublishedVersion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A rollback's notice names the version it made: once another version is in force (a later publish), it is stale.
  const [notice, setNotice] = useState<{ text: string; version: number | null } | null>(null);

  const load = useCallback(() => {
    setError(null);
    listVersions().then((answer) => setVersions([...answer.versions].sort((a, b) => b.version - a.version)), (failure: Error) => setError(failure.message));
  }, []);
  useEffect(load, [load, activeVersion]);

  const rollBackTo = async (version: number) => {
    if (!window.confirm(`Republish version ${version} as a new version?`)) return;
    try {
      const published = await rollback(version);
      setNotice({ text: `Version ${version} republished as version ${published.version}.`, version: published.version });
      onRolledBack(published.version);
    } catch (failure) {
      setNotice({ text: `Not rolled back: ${(failure as Error).message}`, version: null });
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Versions</h2>
      <div role="status" aria-live="polite">{notice && (notice.version === null || notice.version === activeVersion) && <p className="form-info">{notice.text}</p>}</div>
      {error && <ErrorState message={`Could not load the versions: ${error}`} onRetry={load} />}
      {!versions && !error && <Loading label="Loading versions" />}
      {versions && (
        <ol className="versions" reversed>
          {versions.map((entry) => (
            <li key={entry.version}>
              <strong>Version {entry.version}</strong>{entry.version === activeVersion && ' (in force)'}{' '}
              <span className="muted">{formatDateTime(entry.publishedAt)}{entry.publishedBy ? ` by ${entry.publishedBy}` : ''}{entry.rolledBackFrom ? `, rollback of ${entry.rolledBackFrom}` : ''}</span>
              <p className="diff">{describeDiff(entry.diff)}</p>
              {entry.version !== activeVersion && <button type="button" className="secondary" onClick={() => void rollBackTo(entry.version)}>Roll back to version {entry.version}</button>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
