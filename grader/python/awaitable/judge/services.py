"""The fake services a run's I/O is served by: HTTP routes with per-URL
latency and answers that may change request after request, and file
operations with a latency (exercise.json ``io``; grader/CONTRACT.md, "Fake I/O").

The judge answers every request itself and keeps the record of it, so which
requests were made, when, and how many were in flight is the judge's
knowledge, not the student's process's claim.
"""

from __future__ import annotations

import fnmatch
import json
import urllib.parse

# The seed's "3 requests x 2 s" example: 2 s per request unless an exercise
# says otherwise.
DEFAULT_HTTP_LATENCY = 2.0
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
MAX_URL = 4096


class Services:
    def __init__(self, io_config: dict | None) -> None:
        http = {"defaultLatency": DEFAULT_HTTP_LATENCY, "routes": []}
        self.file_latency = 0.0
        if io_config:
            http.update(io_config.get("http") or {})
            self.file_latency = float(io_config.get("fileLatency", 0.0))
        self.http_config = http
        # Requests each route has answered in this run (index of the route -> count).
        self.answered: dict[int, int] = {}

    def reset(self) -> None:
        """A fresh run: every route answers its first response again."""
        self.answered.clear()

    def http(self, method: str, url: str) -> tuple[float, int, str]:
        """(latency, status, body) of the answer to this request."""
        http = self.http_config
        parsed = urllib.parse.urlsplit(url)
        default_body = json.dumps({
            "args": dict(urllib.parse.parse_qsl(parsed.query)),
            "method": method,
            "url": url,
        })
        for index, route in enumerate(http.get("routes") or []):
            if fnmatch.fnmatchcase(url, route.get("url", "")) and route.get("method", method).upper() == method:
                answer = route
                responses = route.get("responses")
                if responses:
                    # The n-th request to the route gets the n-th response; the
                    # last one repeats. A response's missing fields are the route's.
                    count = self.answered.get(index, 0)
                    self.answered[index] = count + 1
                    chosen = responses[min(count, len(responses) - 1)]
                    answer = dict(route)
                    if "json" in chosen or "text" in chosen:
                        # A response's own body replaces the route's, of either kind.
                        answer.pop("json", None)
                        answer.pop("text", None)
                    answer.update(chosen)
                body = answer.get("text")
                if body is None and "json" in answer:
                    body = json.dumps(answer["json"], ensure_ascii=False)
                return (float(answer.get("latency", http["defaultLatency"])), int(answer.get("status", 200)),
                        default_body if body is None else body)
        return float(http["defaultLatency"]), 200, default_body
