/**
 * The coroutines of a run on a timeline of virtual time: one row per task,
 * a bar from its start to its end, the stretches where it waited shown
 * lighter, and blocking calls (time.sleep, requests, CPU) in red.
 */
export type TimelineTrace = {
  elapsed: number;
  tasks: { id: number; label: string; started: number | null; ended: number | null; outcome: string | null }[];
  events: { t: number; kind: string; task?: number | null; on?: unknown }[];
  blocking: { call: string; task: number | null; t: number; end: number }[];
};

type Span = { from: number; to: number; kind: "run" | "wait" | "block"; title: string };

function spansOf(trace: TimelineTrace, taskId: number, started: number, ended: number): Span[] {
  const spans: Span[] = [];
  let waitingSince: number | null = null;
  let waitingOn = "";
  for (const event of trace.events) {
    if (event.task !== taskId) continue;
    if (event.kind === "suspend") {
      waitingSince = event.t;
      waitingOn = typeof event.on === "string" ? event.on : "";
    } else if ((event.kind === "resume" || event.kind === "end") && waitingSince !== null) {
      spans.push({ from: waitingSince, to: event.t, kind: "wait", title: waitingOn });
      waitingSince = null;
    }
  }
  if (waitingSince !== null) spans.push({ from: waitingSince, to: ended, kind: "wait", title: waitingOn });
  for (const call of trace.blocking) {
    if (call.task === taskId) spans.push({ from: call.t, to: call.end, kind: "block", title: call.call });
  }
  return [{ from: started, to: ended, kind: "run", title: "" }, ...spans];
}

export function Timeline({ trace }: { trace: TimelineTrace }) {
  const total = Math.max(trace.elapsed, 1e-6);
  const percent = (value: number) => `${Math.min(100, Math.max(0, (value / total) * 100))}%`;
  const tasks = trace.tasks.slice(0, 60);
  return (
    <div className="timeline" role="img" aria-label={`timeline: ${trace.tasks.length} tasks, ${trace.elapsed} s`}>
      {tasks.map((task) => {
        const started = task.started ?? 0;
        const ended = task.ended ?? trace.elapsed;
        return (
          <div className="timeline-row" key={task.id}>
            <span className="timeline-label" title={task.label}>
              {task.label}
            </span>
            <span className="timeline-track">
              {spansOf(trace, task.id, started, ended).map((span, index) => (
                <span
                  key={index}
                  className={`timeline-span timeline-${span.kind}`}
                  style={{ left: percent(span.from), width: `max(2px, ${percent(span.to - span.from)})` }}
                  title={`${span.title} ${span.from.toFixed(3)}–${span.to.toFixed(3)} s`}
                />
              ))}
            </span>
          </div>
        );
      })}
      <div className="timeline-axis">
        <span>0 s</span>
        <span>{trace.elapsed.toFixed(3)} s</span>
      </div>
    </div>
  );
}
