"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { ActionButton } from "./action-button";

export type JoinCodePanelText = {
  code: string;
  link: string;
  copyCode: string;
  copyLink: string;
  copied: string;
  copyFailed: string;
  regenerate: string;
  regenerateConfirm: string;
  revoke: string;
  revokeConfirm: string;
  revoked: string;
  working: string;
  networkError: string;
};

/** The class's join code, big enough to read off a projector, its link, and copy / regenerate / revoke. */
export function JoinCodePanel(props: { classId: string; joinCode: string | null; shownCode: string | null; origin: string; locale: Locale; text: JoinCodePanelText }) {
  const { text } = props;
  const [copied, setCopied] = useState<string>("");
  const link = props.joinCode ? `${props.origin}/join/${props.joinCode}` : null;

  async function copy(value: string, what: string) {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(`${what}: ${text.copied}`);
    } catch {
      setCopied(text.copyFailed);
    }
  }

  const url = `/api/classes/${props.classId}/join-code`;
  const common = { locale: props.locale, text: { working: text.working, networkError: text.networkError } };
  return (
    <div className="join-code-panel">
      {props.joinCode && props.shownCode && link ? (
        <>
          <p className="join-code-label">{text.code}</p>
          <p className="join-code" data-testid="join-code">
            {props.shownCode}
          </p>
          <p className="join-link">
            <span>{text.link}: </span>
            <code data-testid="join-link">{link}</code>
          </p>
          <p className="class-buttons">
            <button type="button" onClick={() => void copy(props.shownCode ?? "", text.code)}>
              {text.copyCode}
            </button>
            <button type="button" onClick={() => void copy(link, text.link)}>
              {text.copyLink}
            </button>
            <span role="status" className="muted">
              {copied}
            </span>
          </p>
        </>
      ) : (
        <p className="card notice" role="status" data-testid="join-code-revoked">
          {text.revoked}
        </p>
      )}
      <p className="class-buttons">
        <ActionButton method="POST" url={url} label={text.regenerate} confirm={props.joinCode ? text.regenerateConfirm : undefined} {...common} />
        {props.joinCode ? <ActionButton method="DELETE" url={url} label={text.revoke} confirm={text.revokeConfirm} danger {...common} /> : null}
      </p>
    </div>
  );
}
