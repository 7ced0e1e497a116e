"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locales";
import { fromLocalInput } from "@/lib/assignments/zoned-time";
import { clientTranslator, describeFailure, type ClientMessages } from "./client-messages";

export type FormChapter = { id: string; title: string; items: { id: string; title: string; kindLabel: string }[] };

type Props = {
  classId: string;
  locale: Locale;
  timeZone: string;
  messages: ClientMessages;
  chapters: FormChapter[];
  /** An existing assignment (its dates already as the zone's datetime-local values), or a new one. */
  initial?: { id: string; title: string; opensAt: string; dueAt: string; itemIds: string[]; latePenalty: { afterHours: number; percent: number }[] };
};

type Step = { afterHours: string; percent: string };

/**
 * The teacher's assignment form: title, opening and due dates in their time
 * zone (sent as instants with its offset), items chosen chapter by chapter
 * (kept in course order), and the late penalty steps.
 */
export function AssignmentForm({ classId, locale, timeZone, messages, chapters, initial }: Props) {
  const t = clientTranslator(messages);
  const router = useRouter();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [opensAt, setOpensAt] = useState(initial?.opensAt ?? "");
  const [dueAt, setDueAt] = useState(initial?.dueAt ?? "");
  const [chosen, setChosen] = useState<Set<string>>(new Set(initial?.itemIds ?? []));
  const [steps, setSteps] = useState<Step[]>((initial?.latePenalty ?? []).map((step) => ({ afterHours: String(step.afterHours), percent: String(step.percent) })));
  const [status, setStatus] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (itemId: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  const setStep = (index: number, field: keyof Step, value: string) => setSteps((previous) => previous.map((step, at) => (at === index ? { ...step, [field]: value } : step)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setStatus({ text: t("assignments.form.saving"), failed: false });
    const body = {
      title,
      // An empty or unreadable field goes as it is: the API names the problem in both languages.
      opensAt: fromLocalInput(opensAt, timeZone) ?? opensAt,
      dueAt: fromLocalInput(dueAt, timeZone) ?? dueAt,
      itemIds: chapters.flatMap((chapter) => chapter.items.map((item) => item.id)).filter((id) => chosen.has(id)),
      latePenalty: steps.map((step) => ({ afterHours: step.afterHours === "" ? NaN : Number(step.afterHours), percent: step.percent === "" ? NaN : Number(step.percent) })),
    };
    const url = initial ? `/api/classes/${classId}/assignments/${initial.id}` : `/api/classes/${classId}/assignments`;
    try {
      const response = await fetch(url, { method: initial ? "PATCH" : "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        setStatus({ text: t("assignments.form.failed") + (await describeFailure(response, locale)), failed: true });
        return;
      }
      const saved = (await response.json()) as { assignment: { id: string } };
      setStatus({ text: t("assignments.form.saved"), failed: false });
      if (initial) router.refresh();
      else router.push(`/teach/classes/${classId}/assignments/${saved.assignment.id}`);
    } catch {
      setStatus({ text: t("assignments.form.failed") + t("auth.networkError"), failed: true });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!initial || !window.confirm(t("assignments.form.confirmDelete"))) return;
    setBusy(true);
    const response = await fetch(`/api/classes/${classId}/assignments/${initial.id}`, { method: "DELETE" });
    setBusy(false);
    if (!response.ok) {
      setStatus({ text: t("assignments.form.failed") + (await describeFailure(response, locale)), failed: true });
      return;
    }
    router.push(`/teach/classes/${classId}/assignments`);
    router.refresh();
  }

  return (
    <form className="card assignment-form" onSubmit={(event) => void submit(event)} noValidate>
      <p className="field">
        <label htmlFor="assignment-title">{t("assignments.form.title")}</label>
        <input id="assignment-title" value={title} maxLength={120} required onChange={(event) => setTitle(event.target.value)} />
      </p>
      <div className="assignment-dates">
        <p className="field">
          <label htmlFor="assignment-opens">{t("assignments.form.opensAt")}</label>
          <input id="assignment-opens" type="datetime-local" value={opensAt} required aria-describedby="assignment-zone" onChange={(event) => setOpensAt(event.target.value)} />
        </p>
        <p className="field">
          <label htmlFor="assignment-due">{t("assignments.form.dueAt")}</label>
          <input id="assignment-due" type="datetime-local" value={dueAt} required aria-describedby="assignment-zone" onChange={(event) => setDueAt(event.target.value)} />
        </p>
      </div>
      <p id="assignment-zone" className="muted">
        {t("assignments.form.zone", { zone: timeZone })}
      </p>

      <fieldset className="assignment-items">
        <legend>
          {t("assignments.form.items")} <span className="muted">· {t("assignments.form.selected", { count: chosen.size })}</span>
        </legend>
        <p className="muted">{t("assignments.form.itemsHint")}</p>
        {chapters.map((chapter) => (
          <fieldset key={chapter.id} className="assignment-chapter">
            <legend>{chapter.title}</legend>
            <ul>
              {chapter.items.map((item) => (
                <li key={item.id}>
                  <label>
                    <input type="checkbox" checked={chosen.has(item.id)} onChange={() => toggle(item.id)} /> <span className="badge">{item.kindLabel}</span> {item.title}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </fieldset>

      <fieldset className="assignment-penalty">
        <legend>{t("assignments.form.penalty")}</legend>
        <p className="muted">{t("assignments.form.penaltyHint")}</p>
        <ol>
          {steps.map((step, index) => (
            <li key={index} className="penalty-step">
              <label>
                {t("assignments.form.afterHours")}{" "}
                <input type="number" min={0} step="any" value={step.afterHours} onChange={(event) => setStep(index, "afterHours", event.target.value)} />
              </label>
              <label>
                {t("assignments.form.percent")} <input type="number" min={0} max={100} step="any" value={step.percent} onChange={(event) => setStep(index, "percent", event.target.value)} />
              </label>
              <button type="button" className="secondary" onClick={() => setSteps((previous) => previous.filter((_, at) => at !== index))}>
                {t("assignments.form.removeStep")}
              </button>
            </li>
          ))}
        </ol>
        {steps.length < 10 && (
          <button type="button" className="secondary" onClick={() => setSteps((previous) => [...previous, { afterHours: previous.length === 0 ? "0" : "", percent: "" }])}>
            {t("assignments.form.addStep")}
          </button>
        )}
      </fieldset>

      <p className="assignment-actions">
        <button type="submit" className="button" disabled={busy}>
          {initial ? t("assignments.form.save") : t("assignments.form.create")}
        </button>
        {initial && (
          <button type="button" className="secondary assignment-delete" disabled={busy} onClick={() => void remove()}>
            {t("assignments.form.delete")}
          </button>
        )}
        <span role="status" aria-live="polite" className={status?.failed ? "error" : "muted"}>
          {status?.text}
        </span>
      </p>
    </form>
  );
}
