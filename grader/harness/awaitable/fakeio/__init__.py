"""Offline stand-ins for aiohttp, requests and aiofiles.

Their latency is virtual and set per exercise (exercise.json "io"), so the
seeds' network examples run without a network and with exact durations.
"""

from __future__ import annotations

import fnmatch
import json
import sys
import urllib.parse

# The seed's "3 requests x 2 s" example: 2 s per request unless an exercise
# says otherwise.
DEFAULT_HTTP_LATENCY = 2.0

_config: dict = {"http": {"defaultLatency": DEFAULT_HTTP_LATENCY, "routes": []}, "fileLatency": 0.0}

# Requests each route has answered in this run (index of the route → count),
# for routes whose answers change over time ("responses").
_answered: dict[int, int] = {}


class Route:
    __slots__ = ("latency", "status", "body", "headers")

    def __init__(self, latency: float, status: int, body: str, headers: dict) -> None:
        self.latency = latency
        self.status = status
        self.body = body
        self.headers = headers


def configure(io_config: dict | None) -> None:
    global _config
    http = dict(_config["http"])
    file_latency = 0.0
    if io_config:
        http.update(io_config.get("http") or {})
        file_latency = float(io_config.get("fileLatency", 0.0))
    _config = {"http": http, "fileLatency": file_latency}


def reset() -> None:
    """A fresh run: every route answers its first response again."""
    _answered.clear()


def file_latency() -> float:
    return _config["fileLatency"]


def lookup(method: str, url: str) -> Route:
    http = _config["http"]
    parsed = urllib.parse.urlsplit(url)
    default_body = json.dumps({
        "args": dict(urllib.parse.parse_qsl(parsed.query)),
        "method": method,
        "url": url,
    })
    for index, route in enumerate(http.get("routes") or []):
        if fnmatch.fnmatchcase(url, route.get("url", "")) and \
                route.get("method", method).upper() == method:
            answer = route
            responses = route.get("responses")
            if responses:
                # The n-th request to the route gets the n-th response; the
                # last one repeats. A response's missing fields are the route's.
                count = _answered.get(index, 0)
                _answered[index] = count + 1
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
            return Route(float(answer.get("latency", http["defaultLatency"])), int(answer.get("status", 200)),
                         default_body if body is None else body, {"Content-Type": "application/json"})
    return Route(float(http["defaultLatency"]), 200, default_body, {"Content-Type": "application/json"})


def install() -> None:
    from . import aiofiles, aiohttp, requests
    sys.modules["aiohttp"] = aiohttp
    sys.modules["requests"] = requests
    sys.modules["aiofiles"] = aiofiles
