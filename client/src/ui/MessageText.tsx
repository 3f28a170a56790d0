import { splitLinks } from './splitLinks.js';

/**
 * A message's text as plain text: React escapes it, so markup in a message is
 * shown, never run; links are shown (marked) but not clickable, so nothing a
 * customer wrote is followed by accident.
 */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="message-text" dir="auto">
      {splitLinks(text).map((part, index) =>
        part.link ? <span key={index} className="shown-link" title="Link (not opened)">{part.text}</span> : part.text,
      )}
    </p>
  );
}
