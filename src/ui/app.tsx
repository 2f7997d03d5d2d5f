import { LibraryPage } from './library-page.tsx';
import { ConsolePage } from './console/console-page.tsx';
import { usePath } from './router.ts';
import { lazy, Suspense } from 'react';

// The debrief's charting library is large: it loads only when a debrief is opened.
const DebriefPage = lazy(() => import('./debrief/debrief-page.tsx').then((m) => ({ default: m.DebriefPage })));
const AuthorPage = lazy(() => import('./author/author-page.tsx').then((m) => ({ default: m.AuthorPage })));
const InterviewNewPage = lazy(() => import('./interview/interview-new-page.tsx').then((m) => ({ default: m.InterviewNewPage })));
const InterviewComparePage = lazy(() => import('./interview/interview-compare-page.tsx').then((m) => ({ default: m.InterviewComparePage })));
const InterviewScorecardPage = lazy(() => import('./interview/interview-scorecard-page.tsx').then((m) => ({ default: m.InterviewScorecardPage })));
const FacilitatePage = lazy(() => import('./facilitate/facilitate-page.tsx').then((m) => ({ default: m.FacilitatePage })));
const ProjectPage = lazy(() => import('./project/project-page.tsx').then((m) => ({ default: m.ProjectPage })));
const HistoryPage = lazy(() => import('./history/history-page.tsx').then((m) => ({ default: m.HistoryPage })));

export function App() {
  const path = usePath();
  const play = /^\/play\/([A-Za-z0-9_-]+)\/?$/.exec(path);
  if (play?.[1]) return <ConsolePage key={play[1]} attemptId={play[1]} />;
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
