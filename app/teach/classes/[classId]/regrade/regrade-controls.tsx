"use client";

/**
 * One exercise's Preview and Apply: posts the request, then follows the
 * batch (GET every second) until it is done, and shows the preview's counts
 * and changed students. Apply asks first, naming what the preview found.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { formatMessage } from "@/lib/i18n/format-message";
import { callApi } from "@/components/api-call";
import type { RegradeBatchDetail, PreviewStudent } from "@/lib/regrades/get-regrade-batch";
import { direction } from "@/lib/regrades/compare-gradings";

type Messages = Partial<Record<string, string>>;
type Batch = Omit<RegradeBatchDetail, "createdAt" | "finishedAt"> & { createdAt: string; finishedAt: string | null };

const POLL_MS = 1000;
const isRunning = (batch: Batch | null) => batch !== null && (batch.status === "QUEUED" || batch.status === "RUNNING");
const percent = (score: number) => Math.round(score * 100);

function way(student: PreviewStudent): "improved" | "worsened" | "same" | "graderError" {
  return student.new.verdict === "GRADER_ERROR" ? "graderError" : direction(student);
}

export function RegradeControls(props: {
  classId: string;
  exerciseId: string;
  exerciseTitle: string;
  studentHref: string;
  locale: Locale;
  timeZone: string;
  messages: Messages;
  previewId: string | null;
  applyHere: string | null;
  applyElsewhere: { who: string } | null;
}) {
  const text = (key: string, values?: Record<string, string | number>) => formatMessage(props.messages, key, values);
  const router = useRouter();
  const [preview, setPreview] = useState<Batch | null>(null);
  const [apply, setApply] = useState<Batch | null>(null);
  const [error, setError] = useState("");
  const [sending, setSending] = useState(false);
  // Polls stop when the component goes (or React re-runs the effect): each
  // loop checks that its generation is still the current one.
  const generation = useRef(0);

  const follow = useCallback(
    (batchId: string, set: (batch: Batch) => void, onDone?: () => void) => {
      const mine = generation.current;
      const step = async () => {
        if (mine !== generation.current) return;
        const response = await fetch(`/api/classes/${props.classId}/regrades/${batchId}`, { cache: "no-store" }).catch(() => null);
        if (mine !== generation.current) return;
        if (response?.ok) {
          const { batch } = (await response.json()) as { batch: Batch };
          set(batch);
          if (!isRunning(batch)) {
            onDone?.();
            return;
          }
        }
        window.setTimeout(() => void step(), POLL_MS);
      };
      void step();
    },
    [props.classId],
  );

  useEffect(() => {
    if (props.previewId) follow(props.previewId, setPreview);
    if (props.applyHere) follow(props.applyHere, setApply, () => router.refresh());
    return () => {
      generation.current += 1;
    };
  }, [follow, props.previewId, props.applyHere, router]);

  async function request(mode: "preview" | "apply") {
    if (mode === "apply") {
      const counts = preview?.status === "DONE" ? preview.counts : null;
      const question = [
        text("regrade.applyConfirm", { exercise: props.exerciseTitle }),
        counts ? text("regrade.applyConfirmCounts", { changed: counts.changed, worsened: counts.worsened, improved: counts.improved }) : "",
      ]
        .filter(Boolean)
        .join("\n\n");
      if (!window.confirm(question)) return;
    }
    setSending(true);
    setError("");
    const outcome = await callApi("POST", `/api/classes/${props.classId}/regrades`, props.locale, { exerciseId: props.exerciseId, mode });
    setSending(false);
    if (outcome.status === 0) return setError(text("regrade.requestFailed", { status: "—" }));
    const batch = outcome.ok ? (outcome.json as { batch?: Batch }).batch : undefined;
    if (!batch) return setError((outcome.ok ? null : outcome.message) ?? text("regrade.requestFailed", { status: outcome.status }));
    if (mode === "preview") {
      setPreview(batch);
      follow(batch.id, setPreview, () => router.refresh());
    } else {
      setApply(batch);
      follow(batch.id, setApply, () => router.refresh());
    }
  }

  const applyBlocked = isRunning(apply) || props.applyElsewhere !== null;
  const applyReason = isRunning(apply)
    ? text("regrade.applyRunningHere")
    : props.applyElsewhere
      ? text("regrade.applyRunningElsewhere", { who: props.applyElsewhere.who })
      : "";
  const reasonId = `apply-reason-${props.exerciseId}`;
  const when = new Intl.DateTimeFormat(props.locale, { dateStyle: "medium", timeStyle: "short", timeZone: props.timeZone });
  const grading = (verdict: string, score: number) => text("regrade.score", { verdict: text(`verdict.${verdict}`), score: percent(score) });

  return (
    <div className="regrade-controls">
      <div className="regrade-buttons">
        <button
          type="button"
          className="secondary"
          disabled={sending || isRunning(preview)}
          aria-label={text("regrade.previewOf", { exercise: props.exerciseTitle })}
          onClick={() => void request("preview")}
        >
          {text("regrade.preview")}
        </button>
        <button
          type="button"
          disabled={sending || applyBlocked}
          aria-label={text("regrade.applyOf", { exercise: props.exerciseTitle })}
          aria-describedby={applyReason ? reasonId : undefined}
          onClick={() => void request("apply")}
        >
          {text("regrade.apply")}
        </button>
        {applyReason && (
          <span id={reasonId} className="muted regrade-reason">
            {applyReason}
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}

      {apply && <BatchProgress batch={apply} label={text("regrade.applying")} text={text} done={text("regrade.applyDone", { total: apply.total })} />}

      {preview && isRunning(preview) && <BatchProgress batch={preview} label={text("regrade.previewRunning")} text={text} done="" />}
      {preview?.status === "FAILED" && <p className="error">{text("regrade.failed")}</p>}
      {preview?.status === "DONE" && preview.counts && (
        <div className="regrade-preview" aria-live="polite">
          <h4>{text("regrade.previewResult", { when: when.format(new Date(preview.finishedAt ?? preview.createdAt)) })}</h4>
          <ul className="regrade-counts">
            <li>{text("regrade.count.changed", { count: preview.counts.changed })}</li>
            <li>{text("regrade.count.unchanged", { count: preview.counts.unchanged })}</li>
            <li className="regrade-worse">{text("regrade.count.worsened", { count: preview.counts.worsened })}</li>
            <li className="regrade-better">{text("regrade.count.improved", { count: preview.counts.improved })}</li>
            {preview.counts.graderErrors > 0 && <li>{text("regrade.count.graderErrors", { count: preview.counts.graderErrors })}</li>}
          </ul>
          {Object.keys(preview.counts.transitions).length > 0 && (
            <p className="regrade-transitions">
              <span>{text("regrade.transitions")}: </span>
              {Object.entries(preview.counts.transitions)
                .map(([transition, count]) => {
                  const [from = "", to = ""] = transition.split("→");
                  return `${text(`verdict.${from}`)} → ${text(`verdict.${to}`)}: ${count}`;
                })
                .join(" · ")}
            </p>
          )}
          {preview.students.some((student) => student.changed) ? (
            <table className="table regrade-changes">
              <caption>{text("regrade.changedStudents")}</caption>
              <thead>
                <tr>
                  <th scope="col">{text("regrade.col.student")}</th>
                  <th scope="col">{text("regrade.col.old")}</th>
                  <th scope="col">{text("regrade.col.new")}</th>
                  <th scope="col">{text("regrade.col.change")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.students
                  .filter((student) => student.changed)
                  .map((student) => (
                    <tr key={student.userId}>
                      <th scope="row">
                        <Link href={`${props.studentHref}/${student.userId}/items/${props.exerciseId}#submission-${student.submissionId}`}>{student.name}</Link>
                      </th>
                      <td>{grading(student.old.verdict, student.old.score)}</td>
                      <td>{grading(student.new.verdict, student.new.score)}</td>
                      <td>
                        <span className={`regrade-way regrade-way-${way(student)}`}>{text(`regrade.way.${way(student)}`)}</span>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{text("regrade.noChanges")}</p>
          )}
        </div>
      )}
    </div>
  );
}

function BatchProgress({ batch, label, text, done }: { batch: Batch; label: string; text: (key: string, values?: Record<string, number>) => string; done: string }) {
  if (batch.status === "FAILED") return <p className="error">{text("regrade.failed")}</p>;
  if (batch.status === "DONE") return done ? <p role="status">{done}</p> : null;
  const counter = batch.status === "QUEUED" ? text("regrade.waiting") : text("regrade.progress", { done: batch.done, total: batch.total });
  return (
    <p className="regrade-progress" role="status">
      <span>{label}: </span>
      <progress value={batch.done} max={Math.max(batch.total, 1)} aria-label={label} /> <span>{counter}</span>
    </p>
  );
}
