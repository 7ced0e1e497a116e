"use client";

/**
 * A run's coroutines on virtual time: one lane per task (children under their
 * parent), the event loop's lane with its blocking calls, a lane per thread
 * and executor job, the number in flight over time, and what every wait
 * waited on. States differ by shape and pattern as well as colour; every bar
 * is reachable from the keyboard (one tab stop, arrow keys inside) and
 * described in the details panel; the table view says the same in rows; the
 * trace downloads as Chrome trace JSON for Perfetto.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { TTrace } from "@/grader/result";
import type { Locale } from "@/lib/i18n/locales";
import { toChromeTrace } from "@/lib/timeline/chrome-trace";
import { buildTimeline, clusterSegments, inFlightSteps, LOOP_LANE_ID, type DrawItem, type Lane, type LaneState, type TimelineModel } from "@/lib/timeline/model";
import {
  chromeTraceNames,
  shortTitle,
  creationText,
  formatSeconds,
  labelText,
  laneKind,
  laneTitle,
  makeText,
  outcomeMark,
  outcomeText,
  segmentNotes,
  segmentSentence,
  spanText,
  stateName,
  type Text,
  type TimelineMessages,
} from "./describe";

export type TimelineProps = {
  trace: TTrace;
  locale?: Locale;
  messages?: TimelineMessages;
  title?: string;
  /** Where the time axis ends: a comparison passes the longer run's end so both share one scale. */
  end?: number;
  /** The downloaded file's name, without extension. */
  fileName?: string;
};

const ROW = 30;
const LANE_CAP = 30;
const OVERSCAN = 8;
const TABLE_CAP = 200;
const LABEL_MIN_PX = 44;
const STATES: LaneState[] = ["running", "waiting", "ready", "blocked", "untraced"];

const percent = (value: number, end: number) => `${Math.min(100, Math.max(0, (value / end) * 100))}%`;

export function Timeline({ trace, locale = "zh-CN", messages, title, end, fileName = "awaitable-trace" }: TimelineProps) {
  const text = useMemo(() => makeText(locale, messages), [locale, messages]);
  const model = useMemo(() => buildTimeline(trace, { end }), [trace, end]);
  const [tableView, setTableView] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [trackWidth, setTrackWidth] = useState(640);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(480);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [hoverKey, setHoverKey] = useState<string | null>(null);
  const focusPending = useRef(false);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const axisTrackRef = useRef<HTMLDivElement>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const domId = useId();

  const lanes = showAll ? model.lanes : model.lanes.slice(0, LANE_CAP);
  const virtual = showAll && model.lanes.length > LANE_CAP;

  // Bars are grouped by what is drawable at the track's width (in 20 px steps, so a resize does not regroup every pixel).
  useLayoutEffect(() => {
    const element = axisTrackRef.current;
    if (!element) return;
    const measure = () => setTrackWidth(Math.max(200, Math.round(element.clientWidth / 20) * 20));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [tableView]);

  const items = useMemo(() => {
    const byLane = new Map<string, DrawItem[]>();
    // 6 px: a group is still something a finger or a pointer can land on.
    for (const lane of model.lanes) byLane.set(lane.id, clusterSegments(lane.segments, model.end, trackWidth, 6));
    return byLane;
  }, [model, trackWidth]);

  const index = useMemo(() => {
    const byKey = new Map<string, { item: DrawItem; laneIndex: number; itemIndex: number }>();
    model.lanes.forEach((lane, laneIndex) => items.get(lane.id)?.forEach((item, itemIndex) => byKey.set(item.key, { item, laneIndex, itemIndex })));
    return byKey;
  }, [items, model]);

  const firstKey = useMemo(() => {
    for (const lane of lanes) {
      const first = items.get(lane.id)?.[0];
      if (first) return first.key;
    }
    return null;
  }, [items, lanes]);
  const active = activeKey !== null && index.has(activeKey) && (index.get(activeKey)?.laneIndex ?? 0) < lanes.length ? activeKey : firstKey;

  const headerHeight = () => bodyRef.current?.offsetTop ?? 0;
  const scrollToLane = useCallback(
    (laneIndex: number) => {
      const scroller = scrollRef.current;
      if (!scroller || !virtual) return;
      const top = laneIndex * ROW;
      const visibleTop = scroller.scrollTop;
      const visibleHeight = scroller.clientHeight - headerHeight();
      if (top < visibleTop) scroller.scrollTop = top;
      else if (top + ROW > visibleTop + visibleHeight) scroller.scrollTop = top + ROW - visibleHeight;
      setScrollTop(scroller.scrollTop);
    },
    [virtual],
  );

  useEffect(() => {
    if (!focusPending.current || active === null) return;
    const button = buttons.current.get(active);
    if (button) {
      focusPending.current = false;
      button.focus({ preventScroll: virtual });
    }
  });

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !virtual) return;
    setViewport(scroller.clientHeight);
  }, [virtual]);

  const moveTo = (key: string | undefined) => {
    if (!key) return;
    const target = index.get(key);
    if (!target) return;
    setActiveKey(key);
    focusPending.current = true;
    scrollToLane(target.laneIndex);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (active === null) return;
    const current = index.get(active);
    if (!current) return;
    const laneItems = items.get(lanes[current.laneIndex]?.id ?? "") ?? [];
    const middle = (current.item.from + current.item.to) / 2;
    const nearestIn = (laneIndex: number, step: number): string | undefined => {
      for (let candidate = laneIndex + step; candidate >= 0 && candidate < lanes.length; candidate += step) {
        const other = items.get(lanes[candidate]?.id ?? "") ?? [];
        if (other.length === 0) continue;
        let best = other[0];
        for (const item of other) {
          const distance = Math.abs((item.from + item.to) / 2 - middle);
          if (best && distance < Math.abs((best.from + best.to) / 2 - middle)) best = item;
        }
        return best?.key;
      }
      return undefined;
    };
    const keys: Record<string, () => string | undefined> = {
      ArrowRight: () => laneItems[current.itemIndex + 1]?.key,
      ArrowLeft: () => laneItems[current.itemIndex - 1]?.key,
      ArrowDown: () => nearestIn(current.laneIndex, 1),
      ArrowUp: () => nearestIn(current.laneIndex, -1),
      Home: () => laneItems[0]?.key,
      End: () => laneItems.at(-1)?.key,
    };
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    moveTo(next());
  };

  const shownKey = hoverKey ?? activeKey;
  const shown = shownKey ? index.get(shownKey) : undefined;
  const total = text("timeline.seconds", { value: formatSeconds(model.elapsed) });

  // The rows drawn: all of them, or in a long list only those near the scrolled window.
  const firstRow = virtual ? Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN) : 0;
  const lastRow = virtual ? Math.min(lanes.length, Math.ceil((scrollTop + viewport) / ROW) + OVERSCAN) : lanes.length;

  const download = () => {
    const json = JSON.stringify(toChromeTrace(model, chromeTraceNames(text), title ? { title } : {}));
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${fileName}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const caption = [
    text("timeline.caption", { total, peak: model.peakInFlight, tasks: model.taskCount }),
    model.blockingCount > 0 ? text("timeline.captionBlocking", { count: model.blockingCount }) : null,
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <figure className="tl" data-testid="timeline" aria-labelledby={`${domId}-caption`}>
      <figcaption id={`${domId}-caption`} className="tl-caption">
        {title && <strong className="tl-title">{title}</strong>}
        <span data-testid="timeline-caption">{caption}</span>
        {model.peakNote === "truncated" && <span className="muted"> {text("timeline.peakTruncated")}</span>}
        {model.peakNote === "mismatch" && <span className="muted"> {text("timeline.peakMismatch", { drawn: model.drawnPeak })}</span>}
      </figcaption>

      <div className="tl-toolbar">
        <Legend text={text} />
        <div className="tl-actions">
          <button type="button" className="secondary" aria-pressed={tableView} onClick={() => setTableView((value) => !value)} data-testid="timeline-table-toggle">
            {tableView ? text("timeline.chartView") : text("timeline.tableView")}
          </button>
          <button type="button" className="secondary" onClick={download} title={text("timeline.downloadHint")} data-testid="timeline-download">
            {text("timeline.download")}
          </button>
        </div>
      </div>
      {model.truncated && <p className="tl-note">{text("timeline.truncated")}</p>}

      {tableView ? (
        <TimelineTable model={model} text={text} />
      ) : (
        <>
          <div
            ref={scrollRef}
            className={`tl-scroll${virtual ? " tl-virtual" : ""}`}
            onScroll={virtual ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}
          >
            <div className="tl-inner">
              <div className="tl-row tl-axis" aria-hidden="true">
                <div className="tl-label tl-axis-label">{text("timeline.axis")}</div>
                <div className="tl-track" ref={axisTrackRef}>
                  {model.ticks.map((tick) => (
                    <span key={tick} className={`tl-tick${tick / model.end > 0.94 ? " tl-tick-end" : ""}`} style={{ left: percent(tick, model.end) }}>
                      {formatSeconds(tick)}
                    </span>
                  ))}
                </div>
              </div>
              <InFlightRow model={model} text={text} />
              <div
                ref={bodyRef}
                className="tl-body"
                role="group"
                aria-label={text("timeline.chartLabel", { lanes: model.lanes.length, total })}
                aria-describedby={`${domId}-details`}
                style={{ height: (virtual ? lanes.length : lastRow) * ROW }}
                onKeyDown={onKeyDown}
                onMouseLeave={() => setHoverKey(null)}
              >
                <Grid model={model} rows={virtual ? lanes.length : lastRow} />
                <Links model={model} lanes={lanes} firstRow={firstRow} lastRow={lastRow} />
                {lanes.slice(firstRow, lastRow).map((lane, offset) => (
                  <LaneRow
                    key={lane.id}
                    lane={lane}
                    row={firstRow + offset}
                    model={model}
                    items={items.get(lane.id) ?? []}
                    trackWidth={trackWidth}
                    text={text}
                    active={active}
                    register={(key, element) => {
                      if (element) buttons.current.set(key, element);
                      else buttons.current.delete(key);
                    }}
                    onFocusItem={(key) => setActiveKey(key)}
                    onHoverItem={setHoverKey}
                  />
                ))}
              </div>
            </div>
          </div>
          {model.lanes.length > LANE_CAP && (
            <button type="button" className="link-button tl-more" onClick={() => setShowAll((value) => !value)}>
              {showAll ? text("timeline.showFewer", { count: LANE_CAP }) : text("timeline.showAll", { count: model.lanes.length })}
            </button>
          )}
          <Details id={`${domId}-details`} model={model} text={text} shown={shown?.item} />
        </>
      )}
    </figure>
  );
}

function Legend({ text }: { text: Text }) {
  return (
    <ul className="tl-legend" aria-label={text("timeline.legend")}>
      {STATES.map((state) => (
        <li key={state}>
          <span className={`tl-swatch tl-${state}`} aria-hidden="true">
            {state === "blocked" ? "⚠" : ""}
          </span>
          {stateName(text, state)}
        </li>
      ))}
      <li>
        <span className="tl-swatch tl-swatch-created" aria-hidden="true" />
        {text("timeline.legend.created")}
      </li>
      <li>{text("timeline.legend.outcomes")}</li>
    </ul>
  );
}

function InFlightRow({ model, text }: { model: TimelineModel; text: Text }) {
  const height = 24;
  const top = Math.max(1, model.drawnPeak);
  const y = (count: number) => height - (count / top) * (height - 2);
  const x = (t: number) => (t / model.end) * 1000;
  let path = `M0,${height}`;
  for (const point of inFlightSteps(model)) path += ` H${x(point.t).toFixed(2)} V${y(point.count).toFixed(2)}`;
  path += ` H${x(model.elapsed).toFixed(2)} V${height}`;
  return (
    <div className="tl-row tl-flight" title={text("timeline.inFlightHint")}>
      <div className="tl-label">
        <span className="tl-name">{text("timeline.inFlight")}</span>
        <span className="tl-flight-peak">{text("timeline.inFlightPeak", { peak: model.peakInFlight })}</span>
      </div>
      <div className="tl-track" aria-hidden="true">
        <svg viewBox={`0 0 1000 ${height}`} preserveAspectRatio="none" className="tl-flight-chart">
          <path d={`${path} Z`} className="tl-flight-area" />
          <path d={path} className="tl-flight-line" vectorEffect="non-scaling-stroke" />
        </svg>
      </div>
    </div>
  );
}

/** The ticks' vertical lines behind the lanes. */
function Grid({ model, rows }: { model: TimelineModel; rows: number }) {
  return (
    <div className="tl-grid" aria-hidden="true" style={{ height: rows * ROW }}>
      {/* On a shared scale, the time after this run ended. */}
      {model.elapsed < model.end - 1e-9 && <span className="tl-after" style={{ left: percent(model.elapsed, model.end) }} />}
      {model.ticks.map((tick) => (
        <span key={tick} style={{ left: percent(tick, model.end) }} />
      ))}
    </div>
  );
}

/** Who created whom: a line from the parent's lane down to the child's, at the instant of creation. */
function Links({ model, lanes, firstRow, lastRow }: { model: TimelineModel; lanes: Lane[]; firstRow: number; lastRow: number }) {
  const rowOf = useMemo(() => new Map(lanes.map((lane, row) => [lane.id, row])), [lanes]);
  const lines: { key: string; x: string; y1: number; y2: number; inferred: boolean }[] = [];
  const seen = new Set<string>();
  for (const link of model.links) {
    const parent = rowOf.get(link.parentLaneId);
    const child = rowOf.get(link.childLaneId);
    if (parent === undefined || child === undefined) continue;
    const low = Math.min(parent, child);
    const high = Math.max(parent, child);
    if (high < firstRow || low > lastRow) continue;
    const x = percent(link.t, model.end);
    // Many children created at one instant share one line: draw each stretch once.
    const key = `${link.parentLaneId}@${x}`;
    const y1 = parent * ROW + ROW / 2;
    const y2 = child * ROW + ROW / 2;
    if (seen.has(key)) {
      const line = lines.find((candidate) => candidate.key === key);
      if (line) line.y2 = Math.max(line.y2, y2);
      continue;
    }
    seen.add(key);
    lines.push({ key, x, y1, y2, inferred: link.inferred });
  }
  return (
    <svg className="tl-links" aria-hidden="true" width="100%" height={Math.max(lastRow, 1) * ROW}>
      {lines.map((line) => (
        <line key={line.key} x1={line.x} x2={line.x} y1={line.y1} y2={line.y2} className={line.inferred ? "tl-link tl-link-inferred" : "tl-link"} />
      ))}
    </svg>
  );
}

function LaneRow(props: {
  lane: Lane;
  row: number;
  model: TimelineModel;
  items: DrawItem[];
  trackWidth: number;
  text: Text;
  active: string | null;
  register: (key: string, element: HTMLButtonElement | null) => void;
  onFocusItem: (key: string) => void;
  onHoverItem: (key: string | null) => void;
}) {
  const { lane, model, text } = props;
  const title = laneTitle(text, lane);
  const created = model.links.find((link) => link.childLaneId === lane.id);
  const mark = outcomeMark(lane);
  return (
    <div className={`tl-row tl-lane tl-lane-${lane.kind}`} style={{ top: props.row * ROW }} data-lane={lane.id} data-testid="timeline-lane">
      <div className="tl-label" title={[title, laneKind(text, lane), creationText(text, model, lane)].filter(Boolean).join(" · ")}>
        <span className="tl-indent" style={{ width: `${Math.min(lane.depth, 6) * 0.7}rem` }} />
        {lane.depth > 0 && <span className="tl-branch" aria-hidden="true">└</span>}
        <span className="tl-name">{shortTitle(title)}</span>
        {mark && (
          <span className={`tl-outcome tl-outcome-${lane.outcome}`} aria-hidden="true">
            {mark}
          </span>
        )}
      </div>
      <div className="tl-track">
        {lane.id === LOOP_LANE_ID && props.items.length === 0 && <span className="tl-empty">{text("timeline.lane.loopEmpty")}</span>}
        {created && <span className={`tl-created${created.inferred ? " tl-created-inferred" : ""}`} style={{ left: percent(created.t, model.end) }} aria-hidden="true" />}
        {props.items.map((item) => {
          const widthPx = ((item.to - item.from) / model.end) * props.trackWidth;
          const single = item.segments.length === 1 ? item.segments[0] : undefined;
          // Text only where it fits, and not in a "ready" sliver (its reason is in the details and on the loop's lane).
          const label = single && widthPx >= LABEL_MIN_PX && single.label.kind !== "step" && single.state !== "ready" ? labelText(text, single.label, true) : null;
          const sentence = single
            ? segmentSentence(text, lane, single)
            : `${title}, ${text("timeline.details.cluster", { count: item.segments.length })} ${spanText(text, item.from, item.to)}`;
          return (
            <button
              key={item.key}
              type="button"
              ref={(element) => props.register(item.key, element)}
              className={`tl-seg tl-${item.state}${widthPx < 4 && single ? " tl-instant" : ""}${single ? "" : " tl-cluster"}${single?.cut ? " tl-cut" : ""}`}
              style={{ left: percent(item.from, model.end), width: percent(item.to - item.from, model.end) }}
              tabIndex={item.key === props.active ? 0 : -1}
              // The visible text leads the accessible name (WCAG 2.5.3), the sentence gives the rest.
              aria-label={label && !sentence.includes(label) ? `${label} — ${sentence}` : sentence}
              data-testid="timeline-segment"
              data-state={item.state}
              data-from={item.from}
              data-to={item.to}
              onFocus={() => props.onFocusItem(item.key)}
              onMouseEnter={() => props.onHoverItem(item.key)}
              onClick={(event) => event.currentTarget.focus()}
            >
              {item.state === "blocked" && widthPx >= 14 && !label && <span aria-hidden="true">⚠</span>}
              {label && <span className="tl-seg-text">{label}</span>}
            </button>
          );
        })}
        {lane.to !== null && mark && lane.to / model.end < 0.97 && (
          <span className={`tl-end tl-outcome-${lane.outcome}`} style={{ left: percent(lane.to, model.end) }} aria-hidden="true">
            {mark}
          </span>
        )}
      </div>
    </div>
  );
}

function Details({ id, model, text, shown }: { id: string; model: TimelineModel; text: Text; shown: DrawItem | undefined }) {
  const lane = shown ? model.lanes.find((candidate) => candidate.id === shown.laneId) : undefined;
  return (
    <div id={id} className="tl-details" aria-live="polite" data-testid="timeline-details">
      {!shown || !lane ? (
        <p className="muted">{text("timeline.details.empty")}</p>
      ) : (
        <dl>
          <dt>{text("timeline.details.lane")}</dt>
          <dd>
            <strong>{laneTitle(text, lane)}</strong>
            {[laneKind(text, lane), creationText(text, model, lane)].filter(Boolean).map((part) => (
              <span key={part} className="muted">
                {" · "}
                {part}
              </span>
            ))}
          </dd>
          {shown.segments.length === 1 && shown.segments[0] ? (
            <>
              <dt>{text("timeline.details.state")}</dt>
              <dd>
                <span className={`tl-swatch tl-${shown.segments[0].state}`} aria-hidden="true" /> {stateName(text, shown.segments[0].state)}
              </dd>
              <dt>{text("timeline.details.time")}</dt>
              <dd>{spanText(text, shown.from, shown.to)}</dd>
              <dt>{text("timeline.details.on")}</dt>
              <dd>
                {labelText(text, shown.segments[0].label)}
                {segmentNotes(text, shown.segments[0]).map((note) => (
                  <span key={note} className="muted">
                    {" · "}
                    {note}
                  </span>
                ))}
              </dd>
            </>
          ) : (
            <>
              <dt>{text("timeline.details.time")}</dt>
              <dd>{spanText(text, shown.from, shown.to)}</dd>
              <dt>{text("timeline.details.state")}</dt>
              <dd>
                {text("timeline.details.cluster", { count: shown.segments.length })} {clusterSummary(text, shown)}
              </dd>
            </>
          )}
          {outcomeText(text, lane) && (
            <>
              <dt>{text("timeline.details.outcome")}</dt>
              <dd>
                {outcomeMark(lane)} {outcomeText(text, lane)}
              </dd>
            </>
          )}
        </dl>
      )}
    </div>
  );
}

function clusterSummary(text: Text, item: DrawItem): string {
  const counts = new Map<string, number>();
  for (const segment of item.segments) {
    const key = `${stateName(text, segment.state)}: ${labelText(text, segment.label, true)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} × ${key}`).join("; ");
}

function TimelineTable({ model, text }: { model: TimelineModel; text: Text }) {
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(() => model.lanes.flatMap((lane) => lane.segments.map((segment) => ({ lane, segment }))), [model]);
  const shown = showAll ? rows : rows.slice(0, TABLE_CAP);
  return (
    <div className="tl-table-wrap">
      <table className="table tl-table" data-testid="timeline-table">
        <caption>{text("timeline.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{text("timeline.table.lane")}</th>
            <th scope="col">{text("timeline.table.state")}</th>
            <th scope="col" className="tl-number">
              {text("timeline.table.start")}
            </th>
            <th scope="col" className="tl-number">
              {text("timeline.table.end")}
            </th>
            <th scope="col" className="tl-number">
              {text("timeline.table.duration")}
            </th>
            <th scope="col">{text("timeline.table.on")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ lane, segment }) => (
            <tr key={segment.id}>
              <th scope="row">
                {laneTitle(text, lane)} {outcomeMark(lane)}
              </th>
              <td>{stateName(text, segment.state)}</td>
              <td className="tl-number">{formatSeconds(segment.from)}</td>
              <td className="tl-number">{formatSeconds(segment.to)}</td>
              <td className="tl-number">{formatSeconds(segment.to - segment.from)}</td>
              <td>
                {[labelText(text, segment.label), ...segmentNotes(text, segment)].join(" · ")}
                {segment.index === 0 && creationText(text, model, lane) && <span className="muted"> · {creationText(text, model, lane)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > TABLE_CAP && !showAll && (
        <button type="button" className="link-button" onClick={() => setShowAll(true)}>
          {text("timeline.table.showAll", { count: rows.length })}
        </button>
      )}
    </div>
  );
}
