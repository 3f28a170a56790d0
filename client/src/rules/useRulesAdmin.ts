import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/http.js';
import { getRules, publishDraft, saveDraft, type ActiveRules, type LintWarning, type PointedError, type RuleDraft } from '../api/rules.js';
import { applyEdit, workingCopyOf, type Edit, type WorkingCopy } from './workingCopy.js';

type Loaded = { active: ActiveRules; draft: RuleDraft | null };
export type Notice = { kind: 'error' | 'info'; text: string } | null;

/** The rules screen's state: the version in force, the draft, the working copy, errors and warnings; save, publish, discard. */
export function useRulesAdmin() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [copy, setCopy] = useState<WorkingCopy | null>(null);
  const [errors, setErrors] = useState<PointedError[]>([]);
  const [warnings, setWarnings] = useState<LintWarning[]>([]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  /** Fetches the rules; with `keepCopy`, only the draft's version and checks are refreshed and local edits stay. */
  const load = useCallback(async (keepCopy = false) => {
    setLoadError(null);
    try {
      const rules = await getRules();
      setLoaded(rules);
      setErrors(rules.draft?.errors ?? []);
      setWarnings(rules.draft?.warnings ?? []);
      if (!keepCopy) setCopy(workingCopyOf(rules.draft?.ruleSet ?? rules.active.ruleSet));
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const edit = useCallback((change: Edit) => {
    setCopy((current) => (current ? applyEdit(current, change) : current));
    // Errors point at positions of the saved draft: after reordering they would point at the wrong rules.
    if (change.type === 'move' || change.type === 'remove' || change.type === 'add') setErrors([]);
  }, []);

  const save = useCallback(async () => {
    if (!copy || !loaded) return;
    setBusy(true);
    setNotice(null);
    try {
      const saved = await saveDraft(copy.ruleSet, loaded.draft?.version);
      setLoaded({ ...loaded, draft: saved.draft });
      setErrors([]);
      setWarnings(saved.warnings);
      setCopy({ ...copy, dirty: false });
      setNotice({ kind: 'info', text: `Draft saved (draft version ${saved.draft.version}). It is valid and can be published.` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && Array.isArray(error.details)) {
        await load(true);
        setErrors(error.details as PointedError[]);
        setCopy({ ...copy, dirty: false });
        setNotice({ kind: 'error', text: `Saved, but the draft is invalid (${error.details.length} ${error.details.length === 1 ? 'error' : 'errors'}, shown at the fields). It cannot be published until they are fixed.` });
      } else if (error instanceof ApiError && error.status === 409) {
        await load(true);
        setNotice({ kind: 'error', text: 'Another admin saved the draft meanwhile. Your changes are still here: saving again replaces theirs.' });
      } else {
        setNotice({ kind: 'error', text: `Not saved: ${(error as Error).message}` });
      }
    } finally {
      setBusy(false);
    }
  }, [copy, loaded, load]);

  const publish = useCallback(async () => {
    const draft = loaded?.draft;
    if (!draft) return;
    setBusy(true);
    setNotice(null);
    try {
      const published = await publishDraft(draft.version);
      await load();
      setNotice({ kind: 'info', text: `Published as version ${published.version}: new conversations are routed by it now.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Not published: ${(error as Error).message}` });
      if (error instanceof ApiError && error.status === 409) await load(true);
    } finally {
      setBusy(false);
    }
  }, [loaded, load]);

  const discard = useCallback(() => {
    if (!loaded) return;
    setCopy(workingCopyOf(loaded.draft?.ruleSet ?? loaded.active.ruleSet));
    setErrors(loaded.draft?.errors ?? []);
    setNotice(null);
  }, [loaded]);

  return { loaded, loadError, copy, errors, warnings, busy, notice, setNotice, load, edit, save, publish, discard };
}
