import { navigate } from './router.ts';

/** "← Library": a real link (middle-click works) that navigates in place. */
export function LibraryLink({ onBeforeLeave }: { readonly onBeforeLeave?: () => Promise<void> }) {
  return (
    <a
      href="/"
      onClick={(e) => {
        e.preventDefault();
        void (onBeforeLeave?.() ?? Promise.resolve()).then(() => navigate('/'));
      }}
    >
      ← Library
    </a>
  );
}

/** A page that could not be shown: what went wrong, and the way back. */
export function ErrorScreen({ message }: { readonly message: string }) {
  return (
    <main className="console-message">
      <p role="alert">{message}</p>
      <button type="button" onClick={() => navigate('/')}>
        Back to the library
      </button>
    </main>
  );
}
