import { LibraryPage } from './library-page.tsx';
import { usePath } from './router.ts';
import { lazy, Suspense, type ComponentType } from 'react';
import { loadScenarios } from './app-services.ts';

/**
 * Only the library loads with the app. Every other page is its own chunk (the console with its
 * animation library, the debrief with its charts, the editor with its diagram layout…), and
 * waits for the built-in scenarios (their texts, parser and validator: another chunk) before it
 * renders, so `findScenario` is ready in it. docs/performance.md has the sizes.
 */
function page<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(() => Promise.all([load(), loadScenarios()]).then(([component]) => ({ default: component })));
}
const ConsolePage = page(() => import('./console/console-page.tsx').then((m) => m.ConsolePage));
const DebriefPage = page(() => import('./debrief/debrief-page.tsx').then((m) => m.DebriefPage));
const AuthorPage = page(() => import('./author/author-page.tsx').then((m) => m.AuthorPage));
const InterviewNewPage = page(() => import('./interview/interview-new-page.tsx').then((m) => m.InterviewNewPage));
const InterviewComparePage = page(() => import('./interview/interview-compare-page.tsx').then((m) => m.InterviewComparePage));
const InterviewScorecardPage = page(() => import('./interview/interview-scorecard-page.tsx').then((m) => m.InterviewScorecardPage));
const FacilitatePage = page(() => import('./facilitate/facilitate-page.tsx').then((m) => m.FacilitatePage));
const ProjectPage = page(() => import('./project/project-page.tsx').then((m) => m.ProjectPage));
const HistoryPage = page(() => import('./history/history-page.tsx').then((m) => m.HistoryPage));

export function App() {
  const path = usePath();
  const play = /^\/play\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (play?.[1])
    return (
      <Suspense fallback={<main className="console-message">Loading the console…</main>}>
        <ConsolePage key={play[1]} attemptId={play[1]} />
      </Suspense>
    );
  const debrief = /^\/debrief\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (debrief?.[1])
    return (
      <Suspense fallback={<main className="console-message">Loading the debrief…</main>}>
        <DebriefPage key={debrief[1]} attemptId={debrief[1]} />
      </Suspense>
    );
  const facilitate = /^\/facilitate\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (facilitate?.[1])
    return (
      <Suspense fallback={<main className="console-message">Loading the facilitator console…</main>}>
        <FacilitatePage key={facilitate[1]} attemptId={facilitate[1]} />
      </Suspense>
    );
  const project = /^\/project\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (project?.[1])
    return (
      <Suspense fallback={<main className="console-message">Loading the projector view…</main>}>
        <ProjectPage key={project[1]} attemptId={project[1]} />
      </Suspense>
    );
  if (/^\/author\/?$/.test(path))
    return (
      <Suspense fallback={<main className="console-message">Loading the editor…</main>}>
        <AuthorPage />
      </Suspense>
    );
  if (/^\/history\/?$/.test(path))
    return (
      <Suspense fallback={<main className="console-message">Loading the history…</main>}>
        <HistoryPage />
      </Suspense>
    );
  // Interviews: set-up, comparison, and each interview's locked scorecard.
  const interview = /^\/interview\/([A-Za-z0-9_-]+)\/?$/.exec(path)?.[1];
  if (interview)
    return (
      <Suspense fallback={<main className="console-message">Loading…</main>}>
        {interview === 'new' ? <InterviewNewPage /> : interview === 'compare' ? <InterviewComparePage /> : <InterviewScorecardPage key={interview} attemptId={interview} />}
      </Suspense>
    );
  return <LibraryPage />;
}
