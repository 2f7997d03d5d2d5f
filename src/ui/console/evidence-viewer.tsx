import { useEffect, useRef } from 'react';

/** A modal dialog for one piece of evidence. Native <dialog>: focus is trapped and Esc closes it. */
export function EvidenceViewer({ title, text, onClose }: { readonly title: string; readonly text: string; readonly onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="evidence-viewer" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      <pre tabIndex={0}>{text}</pre>
      <form method="dialog">
        <button type="submit" className="primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
