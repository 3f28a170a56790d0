import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { createWebhook, listWebhooks, patchWebhook, WEBHOOK_EVENT_TYPES, type PresentedWebhook } from '../api/governance.js';
import { ApiError } from '../api/http.js';
import { DeliveryLog } from './DeliveryLog.js';

/** Admins' webhooks: the list (pause and resume, the delivery log) and a form to add one (its secret shown once). */
export function WebhooksView() {
  const [webhooks, setWebhooks] = useState<PresentedWebhook[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = useCallback(() => {
    listWebhooks().then((answer) => setWebhooks(answer.webhooks), (error: Error) => setMessage(error.message));
  }, []);
  useEffect(load, [load]);
  const setPaused = async (hook: PresentedWebhook, paused: boolean) => {
    setMessage(null);
    try {
      await patchWebhook(hook.id, { paused });
      load();
    } catch (error) {
      setMessage((error as Error).message);
    }
  };
  return (
    <section className="governance">
      <h1>Webhooks</h1>
      <NewWebhookForm onCreated={load} />
      <h2>Webhooks</h2>
      {webhooks?.length === 0 && <p>No webhooks yet.</p>}
      <ul className="webhook-list">
        {webhooks?.map((hook) => (
          <li key={hook.id} aria-label={hook.url}>
            <p><strong>{hook.url}</strong> <span className={hook.paused ? 'status status-paused' : 'status status-active'}>{hook.paused ? 'Paused' : 'Active'}</span></p>
            <p>Events: {hook.events.join(', ')}</p>
            <button type="button" className="secondary" onClick={() => void setPaused(hook, !hook.paused)}>{hook.paused ? `Resume ${hook.url}` : `Pause ${hook.url}`}</button>
            <button type="button" className="secondary" aria-expanded={open === hook.id} onClick={() => setOpen(open === hook.id ? null : hook.id)}>Deliveries of {hook.url}</button>
            {open === hook.id && <DeliveryLog webhookId={hook.id} />}
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite">{message && <p className="form-error">{message}</p>}</div>
    </section>
  );
}

function NewWebhookForm({ onCreated }: { onCreated(): void }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<string[]>([]);
  const [urlError, setUrlError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setUrlError(null);
    setMessage(null);
    try {
      const answer = await createWebhook({ url: url.trim(), events: events as (typeof WEBHOOK_EVENT_TYPES)[number][] });
      setSecret(answer.secret ?? null);
      setUrl('');
      setEvents([]);
      onCreated();
    } catch (error) {
      const details = error instanceof ApiError ? (error.details as Array<{ pointer: string; message: string }> | undefined) : undefined;
      const atUrl = details?.find((detail) => detail.pointer === '/url');
      if (atUrl) setUrlError(atUrl.message);
      else setMessage((error as Error).message);
    }
  };
  const toggle = (type: string, checked: boolean) => setEvents((current) => (checked ? [...current, type] : current.filter((other) => other !== type)));
  return (
    <form aria-label="Add a webhook" onSubmit={(e) => void submit(e)}>
      <h2>Add a webhook</h2>
      <label htmlFor={`${id}-url`}>Receiver URL</label>
      <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} aria-invalid={urlError ? true : undefined} aria-describedby={urlError ? `${id}-url-error` : undefined} />
      {urlError && <p id={`${id}-url-error`} className="form-error">{urlError}</p>}
      <fieldset>
        <legend>Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type}><input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} /> {type}</label>
        ))}
      </fieldset>
      <button type="submit" disabled={url.trim() === '' || events.length === 0}>Add webhook</button>
      <div role="status" aria-live="polite">
        {secret && <p>Signing secret (shown once, copy it now): <code>{secret}</code></p>}
        {message && <p className="form-error">{message}</p>}
      </div>
    </form>
  );
}
