import { LibraryPage } from './library-page.tsx';
import { ConsolePage } from './console/console-page.tsx';
import { usePath } from './router.ts';

export function App() {
  const path = usePath();
  const play = /^\/play\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (play?.[1]) return <ConsolePage key={play[1]} attemptId={play[1]} />;
  return <LibraryPage />;
}
