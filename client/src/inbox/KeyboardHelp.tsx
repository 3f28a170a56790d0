import { useEffect, useRef } from 'react';

const SHORTCUTS: [string, string][] = [
  ['j', 'next case'],
  ['k', 'previous case'],
  ['Enter', 'open the selected case'],
  ['r', 'reply to the selected case'],
  ['e', 'resolve the selected case'],
  ['a', 'assign the selected case to me'],
  ['x', 'tick the selected case for a bulk action'],
  ['j / k inside a case', 'the next / previous case; Esc back to the list; e resolve'],
  ['z inside a case', 'snooze: focus the presets (Enter snoozes an hour, Tab to the others), or Wake now'],
  ['/ inside a case', 'open the saved replies (type to search, arrows, Enter inserts)'],
  ['Ctrl/⌘ + / in the reply box', 'open the saved replies'],
  ['Ctrl/⌘ + Enter in the reply box', 'send; with Shift, send and resolve'],
  ['?', 'show this help'],
  ['Esc', 'close this help'],
];

/** The keyboard shortcuts, in a modal dialog that gives focus back when it closes. */
export function KeyboardHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={dialog} className="help" aria-labelledby="help-title" onClose={onClose}>
      <h2 id="help-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([key, meaning]) => (
          <div key={key}>
            <dt><kbd>{key}</kbd></dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose} autoFocus>Close</button>
    </dialog>
  );
}
