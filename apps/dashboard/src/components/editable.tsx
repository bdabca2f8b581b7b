import { useState, type ReactNode } from 'react';

/**
 * A card's read-only face with an "Edit …" button (for those who may change it) that
 * swaps in its form; the form calls `close` when saved or cancelled.
 */
export function Editable({ name, editable, view, form }: { name: string; editable: boolean; view: ReactNode; form(close: () => void): ReactNode }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <>{form(() => setEditing(false))}</>;
  return (
    <>
      {view}
      {editable && (
        <button type="button" onClick={() => setEditing(true)}>
          Edit {name}
        </button>
      )}
    </>
  );
}
