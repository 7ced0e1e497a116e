"""A requests-like client: every call blocks the calling thread for the
route's virtual latency, exactly as a real blocking HTTP call would."""

from __future__ import annotations

import json as _json

from . import lookup
from .. import threads
from ..trace import recorder

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
    route = lookup(method, url)
    label = f"requests.{method.lower()}"
    recorder.blocking_call(label, route.latency, detail=url)
    operation = recorder.io_start(f"{method} {url} (blocking)")
    try:
        if timeout is not None and float(timeout if not isinstance(timeout, tuple) else timeout[-1]) < route.latency:
            threads.blocking_wait(float(timeout if not isinstance(timeout, tuple) else timeout[-1]))
            raise Timeout(f"Read timed out. (read timeout={timeout})")
        threads.blocking_wait(route.latency)
    finally:
        recorder.io_end(operation)
    return Response(method, url, route.status, route.body, route.headers)


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
