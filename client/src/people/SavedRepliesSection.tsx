import { useEffect, useId, useState, type FormEvent } from 'react';
import { createSavedReply, deleteSavedReply, listSavedReplies, type SavedReply } from '../api/savedReplies.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';
import { TextField } from './PeopleFields.js';

const FIELDS = ['/title', '/text', '/teams', '/shortcut'];

/** Admins' saved replies: the list (delete one) and a form to add one; placeholders and teams are checked by the server, its pointers shown at the fields. */
export function SavedRepliesSection() {
  const id = useId();
  const [replies, setReplies] = useState<SavedReply[]>([]);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [teams, setTeams] = useState('');
  const [shortcut, setShortcut] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  useEffect(() => {
    listSavedReplies().then(setReplies, (error: Error) => setErrors({ message: error.message, fields: [] }));
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const teamList = teams.split(',').map((team) => team.trim()).filter(Boolean);
      const created = await createSavedReply({ title, text, ...(teamList.length > 0 ? { teams: teamList } : {}), ...(shortcut.trim() ? { shortcut: shortcut.trim() } : {}) });
      setReplies((list) => [...list, created].sort((a, b) => a.title.localeCompare(b.title)));
      setErrors(NO_ERRORS);
      setTitle('');
      setText('');
      setShortcut('');
    } catch (error) {
      setErrors(formErrorsOf(error, FIELDS));
    }
  };
  const remove = async (reply: SavedReply) => {
    try {
      await deleteSavedReply(reply.id);
      setReplies((list) => list.filter((item) => item.id !== reply.id));
    } catch (error) {
      setErrors({ message: (error as Error).message, fields: [] });
    }
  };
  const field = (pointer: string) => errorsAt(errors, pointer);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Saved replies</h2>
      <ul className="people-saved-replies">
        {replies.map((reply) => (
          <li key={reply.id}>
            <strong>{reply.title}</strong>{reply.shortcut && <code> /{reply.shortcut}</code>} <span className="muted">{reply.teams.length > 0 ? reply.teams.join(', ') : 'all teams'}</span>{' '}
            <button type="button" className="link-button" onClick={() => void remove(reply)} aria-label={`Delete saved reply ${reply.title}`}>Delete</button>
          </li>
        ))}
      </ul>
      <form className="people-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-add`}>
        <h3 id={`${id}-add`}>Add a saved reply</h3>
        <TextField id={`${id}-name`} label="Title" value={title} onChange={setTitle} errors={field('/title')} />
        <div className="people-field">
          <label htmlFor={`${id}-text`}>Text ({'{{author.handle}}'}, {'{{author.name}}'}, {'{{agent.name}}'}, {'{{case.id}}'} are filled in)</label>
          <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-text-errors`} />
          <FieldErrors id={`${id}-text-errors`} errors={field('/text')} />
        </div>
        <TextField id={`${id}-teams`} label="Teams (comma-separated; empty: all)" value={teams} onChange={setTeams} errors={field('/teams')} />
        <TextField id={`${id}-shortcut`} label="Shortcut (typed after /)" value={shortcut} onChange={setShortcut} errors={field('/shortcut')} />
        <div role="status" aria-live="polite">{errors.message && <p className="form-error">{errors.message}</p>}</div>
        <button type="submit">Add saved reply</button>
      </form>
    </section>
  );
}
