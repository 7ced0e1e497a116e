"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";

type Role = "STUDENT" | "TEACHER" | "ADMIN";

export function RoleSelect(props: {
  userId: string;
  email: string;
  role: Role;
  locale: Locale;
  labels: Record<Role, string>;
  saveLabel: string;
  savedLabel: string;
}) {
  const [role, setRole] = useState<Role>(props.role);
  const [status, setStatus] = useState<string>("");

  async function save() {
    setStatus("…");
    const response = await fetch(`/api/admin/users/${props.userId}/role`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role }),
    });
    if (response.ok) {
      setStatus(props.savedLabel);
      return;
    }
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: Record<Locale, string> } };
    setStatus(body.error?.message?.[props.locale] ?? String(response.status));
  }

  return (
    <span className="role-select">
      <select aria-label={`${props.email}`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
        {(Object.keys(props.labels) as Role[]).map((value) => (
          <option key={value} value={value}>
            {props.labels[value]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void save()}>
        {props.saveLabel}
      </button>
      <span role="status">{status}</span>
    </span>
  );
}
