"use client";

import { useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { callApi } from "@/components/api-call";
import { makeText, type Messages } from "@/components/quiz/text";
import { z } from "zod";

const ZShareAnswer = z.object({ share: z.object({ token: z.string().nullable() }) });

const noSubscription = () => () => undefined;
const browserOrigin = () => window.location.origin;
const serverOrigin = () => "";

/** The candidate's read-only link to the report: make it, copy it, revoke it (after a confirmation). */
export function SharePanel(props: { interviewId: string; token: string | null; locale: Locale; messages: Messages }) {
  const { interviewId, locale } = props;
  const text = useMemo(() => makeText(props.messages), [props.messages]);
  const origin = useSyncExternalStore(noSubscription, browserOrigin, serverOrigin);
  const [token, setToken] = useState(props.token);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const url = token ? `${origin}/interview/shared/${token}` : "";

  const send = async (method: "POST" | "DELETE") => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setCopied(false);
    const outcome = await callApi(method, `/api/interviews/${encodeURIComponent(interviewId)}/share`, locale);
    setBusy(false);
    const answer = outcome.ok ? ZShareAnswer.safeParse(outcome.json) : null;
    if (!outcome.ok || !answer?.success) {
      setError((!outcome.ok && outcome.message) || text("auth.networkError"));
      return;
    }
    setToken(answer.data.share.token);
    if (method === "DELETE") setNotice(text("interview.share.revoked"));
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a refusal): the link stays selected for copying by hand.
      input.current?.select();
    }
  };

  return (
    <section className="card interview-share" aria-labelledby="interview-share-heading" data-testid="share-panel">
      <h2 id="interview-share-heading">{text("interview.share.title")}</h2>
      <p className="muted">{text("interview.share.intro")}</p>
      {token ? (
        <>
          <label className="interview-share-link" htmlFor="interview-share-url">
            {text("interview.share.link")}
          </label>
          <div className="interview-share-row">
            <input ref={input} id="interview-share-url" type="text" readOnly value={url} onFocus={(event) => event.currentTarget.select()} data-testid="share-url" />
            <button type="button" onClick={copy} disabled={busy}>
              {text("interview.share.copy")}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                if (window.confirm(text("interview.share.revokeConfirm"))) void send("DELETE");
              }}
            >
              {text("interview.share.revoke")}
            </button>
          </div>
          <p className="hint" role="status">
            {copied ? text("interview.share.copied") : ""}
          </p>
        </>
      ) : (
        <div className="actions">
          <button type="button" onClick={() => void send("POST")} disabled={busy}>
            {text("interview.share.create")}
          </button>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
