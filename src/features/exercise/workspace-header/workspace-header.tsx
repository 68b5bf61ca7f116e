import { neighbours, type CatalogEntry } from "../../../exercises/catalog";
import { phaseByNumber } from "../../../exercises/phases";
import { progressLabels, progressStatus, useAppStore } from "../../../store";
import { SettingsButton } from "../../settings/settings-dialog";
import { RuntimeStatus } from "../runtime-status/runtime-status";

export function WorkspaceHeader({ entry }: { entry: CatalogEntry }) {
  const { previous, next } = neighbours(entry.slug);
  const status = progressStatus(useAppStore((s) => s.progress[entry.slug]));
  const phase = phaseByNumber(entry.config.phase);
  return (
    <header className="workspace-header">
      <nav aria-label="Exercises" className="exercise-nav">
        <a href="#/">← Roadmap</a>
        {previous && (
          <a href={`#/exercises/${previous.slug}`} rel="prev">
            <span className="visually-hidden">Previous exercise: </span>
            <span aria-hidden="true">‹ </span>
            {previous.config.title}
          </a>
        )}
        {next && (
          <a href={`#/exercises/${next.slug}`} rel="next">
            <span className="visually-hidden">Next exercise: </span>
            {next.config.title}
            <span aria-hidden="true"> ›</span>
          </a>
        )}
      </nav>
      <div className="title-row">
        <h1>{entry.config.title}</h1>
        <p className="meta">
          {phase && <a href={`#/phases/${phase.slug}`}>Phase {phase.number}: {phase.title}</a>}
          {entry.config.checkpoint && <span className="checkpoint-tag">checkpoint</span>}
          <span className={`difficulty difficulty-${entry.config.difficulty}`}>{entry.config.difficulty}</span>
          <span className={`progress progress-${status}`}>{progressLabels[status]}</span>
        </p>
        <RuntimeStatus required={entry.config.runtime === "webcontainer"} />
        <SettingsButton />
      </div>
    </header>
  );
}
