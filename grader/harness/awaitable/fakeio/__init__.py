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
    for route in http.get("routes") or []:
        if fnmatch.fnmatchcase(url, route.get("url", "")) and \
                route.get("method", method).upper() == method:
            body = route.get("text")
            if body is None and "json" in route:
                body = json.dumps(route["json"], ensure_ascii=False)
            return Route(float(route.get("latency", http["defaultLatency"])), int(route.get("status", 200)),
                         default_body if body is None else body, {"Content-Type": "application/json"})
    return Route(float(http["defaultLatency"]), 200, default_body, {"Content-Type": "application/json"})


def install() -> None:
    from . import aiofiles, aiohttp, requests
    sys.modules["aiohttp"] = aiohttp
    sys.modules["requests"] = requests
    sys.modules["aiofiles"] = aiofiles
