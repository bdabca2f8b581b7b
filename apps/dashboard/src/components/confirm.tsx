import { useEffect, useRef, useState } from 'react';

/**
 * A button for a destructive step: it opens a modal dialog (native <dialog>: focus is
 * trapped, Escape cancels) that says what will happen; only "Confirm" does it.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel = 'Confirm',
  onConfirm,
  disabled,
}: {
  label: string;
  question: string;
  confirmLabel?: string;
  onConfirm(): void;
  disabled?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);
  return (
    <>
      <button type="button" className="danger" disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </button>
      <dialog ref={dialog} onClose={() => setOpen(false)} aria-label={label}>
        <p>{question}</p>
        <div className="row">
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
