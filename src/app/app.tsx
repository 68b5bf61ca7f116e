import { lazy, Suspense } from "react";
import { Route, Router, Switch } from "wouter";
import { useHashLocation } from "wouter/use-hash-location";
import { Roadmap } from "../features/roadmap/roadmap";
import { ExercisePage } from "../features/exercise/exercise-page";
import { phases } from "../exercises/phases";
import { UpdateNotice } from "../features/update-notice/update-notice";
import { StorageNotice } from "../features/storage-notice/storage-notice";
import { interviewSettings } from "../exercises/interview-settings";

// Only a candidate bundle (roadlab interview) has settings; learners never load this page.
const InterviewPage = lazy(() => import("../features/interview/interview-page"));

// Only interviewers open it: not part of the learner's first load.
const ReplayPage = lazy(() => import("../features/replay/replay-page").then((m) => ({ default: m.ReplayPage })));

/** Hash routes, so the static build works from any folder and file:// alike. */
export function App() {
  if (interviewSettings) {
    return (
      <Suspense fallback={<p className="page">Loading the task…</p>}>
        <InterviewPage settings={interviewSettings} />
      </Suspense>
    );
  }
  return (
    <Router hook={useHashLocation}>
      <StorageNotice />
      <UpdateNotice />
      <Switch>
        <Route path="/">
          <Roadmap />
        </Route>
        <Route path="/phases/:slug">
          {(params) => (phases.some((p) => p.slug === params.slug) ? <Roadmap focusPhase={params.slug} /> : <NotFound />)}
        </Route>
        {/* The slug ends at "?": a share link adds ?shared=… to the route. */}
        <Route path="/exercises/:slug">{(params) => <ExercisePage slug={params.slug.split("?")[0]} />}</Route>
        <Route path="/replay">
          <Suspense fallback={<main className="page"><p>Loading the replay…</p></main>}>
            <ReplayPage />
          </Suspense>
        </Route>
        <Route>
          <NotFound />
        </Route>
      </Switch>
    </Router>
  );
}

function NotFound() {
  return (
    <main className="page">
      <h1>Page not found</h1>
      <p>
        <a href="#/">Back to the roadmap</a>
      </p>
    </main>
  );
}
