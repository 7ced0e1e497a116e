/** A simulated student against a running stack, through the HTTP API as a browser would (cookies, next-auth). */
import { sleep } from "./stats";

export const GATHER_EXERCISE_ID = "3b0f6c1e-6a52-4f0e-9f0b-5b1c2d7e8a01";

export class Student {
  readonly cookies = new Map<string, string>();
  constructor(private readonly base: string, readonly email: string) {}

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const [name, ...value] = (pair ?? "").split("=");
      if (name) this.cookies.set(name.trim(), value.join("="));
    }
  }

  private cookieHeader() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  async fetch(url: string, init: RequestInit = {}) {
    const response = await fetch(`${this.base}${url}`, { ...init, redirect: "manual", headers: { ...init.headers, cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async signUpAndIn(password: string) {
    const created = await this.fetch("/api/users", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: this.email, password }),
    });
    if (created.status !== 201) throw new Error(`sign-up failed: ${created.status} ${await created.text()}`);
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const signedIn = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: this.email, password, json: "true" }),
    });
    if (![200, 302].includes(signedIn.status) || ![...this.cookies.keys()].some((name) => name.includes("session-token"))) {
      throw new Error(`sign-in failed: ${signedIn.status}`);
    }
  }

  /** Submits and polls until the verdict; returns client-side and server-side timings. */
  async submitAndWait(code: string, pollMs: number) {
    const started = performance.now();
    const response = await this.fetch("/api/submissions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ exerciseId: GATHER_EXERCISE_ID, code }),
    });
    if (response.status !== 202) throw new Error(`submit failed: ${response.status} ${await response.text()}`);
    const { submission } = (await response.json()) as { submission: { id: string } };
    for (;;) {
      await sleep(pollMs);
      const polled = (await (await this.fetch(`/api/submissions/${submission.id}`)).json()) as {
        submission: { status: string; verdict: string; queuedAt: string; startedAt: string | null; finishedAt: string | null };
      };
      if (polled.submission.status === "DONE") {
        const queuedAt = Date.parse(polled.submission.queuedAt);
        return {
          verdict: polled.submission.verdict,
          clientMs: performance.now() - started,
          pickupMs: Date.parse(polled.submission.startedAt ?? "") - queuedAt,
          serverMs: Date.parse(polled.submission.finishedAt ?? "") - queuedAt,
        };
      }
    }
  }
}

