"""A requests-like client: every call blocks the calling thread for the
judge's virtual latency, exactly as a real blocking HTTP call would."""

from __future__ import annotations

import asyncio
import json as _json

from .. import port
from ..clock import scheduler
from ..timefuncs import blocking_wait
from ..trace import recorder
from . import current_task_id

__name__ = "requests"


class RequestException(IOError):
    pass


class HTTPError(RequestException):
    pass


class ConnectionError(RequestException):  # noqa: A001 - the real module's name
    pass


class Timeout(RequestException):
    pass


class Response:
    def __init__(self, method: str, url: str, status: int, body: str, headers: dict) -> None:
        self.request_method = method
        self.url = url
        self.status_code = status
        self.text = body
        self.content = body.encode()
        self.headers = headers
        self.reason = "OK" if status < 400 else "Error"
        self.encoding = "utf-8"

    @property
    def ok(self) -> bool:
        return self.status_code < 400

    def json(self, **options):
        return _json.loads(self.text, **options)

    def raise_for_status(self) -> None:
        if self.status_code >= 400:
            raise HTTPError(f"{self.status_code} Error for url: {self.url}")

    def __repr__(self) -> str:
        return f"<Response [{self.status_code}]>"


def request(method: str, url, timeout=None, **_options) -> Response:
    method = method.upper()
    url = str(url)
    if timeout is not None:
        timeout = float(timeout if not isinstance(timeout, tuple) else timeout[-1])
    # The judge records the blocking call itself: in a coroutine it blocked
    # the event loop; in a thread of the student's, only that thread.
    actor = scheduler.current_actor()
    answer = port.io({"op": "http", "method": method, "url": url, "task": current_task_id(),
                      "timeout": timeout, "blocking": True,
                      "inLoop": asyncio.events._get_running_loop() is not None,
                      "thread": actor.sequence if actor is not None and actor.kind != "main" else None})["io"]
    blocking_wait(answer["wait"])
    recorder.io_done(None, answer["id"], False)
    if answer["timedOut"]:
        raise Timeout(f"Read timed out. (read timeout={timeout})")
    return Response(method, url, answer["status"], answer["body"], {"Content-Type": "application/json"})


def get(url, params=None, **options) -> Response:
    return request("GET", url, **options)


def post(url, data=None, json=None, **options) -> Response:
    return request("POST", url, **options)


def put(url, data=None, **options) -> Response:
    return request("PUT", url, **options)


def patch(url, data=None, **options) -> Response:
    return request("PATCH", url, **options)


def delete(url, **options) -> Response:
    return request("DELETE", url, **options)


def head(url, **options) -> Response:
    return request("HEAD", url, **options)


class Session:
    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        return None

    def request(self, method, url, **options):
        return request(method, url, **options)

    def get(self, url, **options):
        return request("GET", url, **options)

    def post(self, url, **options):
        return request("POST", url, **options)
