"""An aiohttp-compatible client whose requests the judge serves on the virtual clock."""

from __future__ import annotations

import asyncio
import json as _json

from .. import port
from ..trace import recorder
from . import current_task_id

__name__ = "aiohttp"


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ServerTimeoutError(ClientConnectionError, asyncio.TimeoutError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, request_info=None, history=(), *, status=None, message="", headers=None):
        super().__init__(f"{status}, message={message!r}")
        self.request_info = request_info
        self.history = history
        self.status = status
        self.message = message
        self.headers = headers


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class TCPConnector:
    def __init__(self, *, limit=100, limit_per_host=0, **_options):
        self.limit = limit
        self.limit_per_host = limit_per_host

    async def close(self):
        return None


class ClientResponse:
    def __init__(self, method: str, url: str, status: int, body: str, headers: dict) -> None:
        self.method = method
        self.url = url
        self.status = status
        self.reason = "OK" if status < 400 else "Error"
        self.headers = headers
        self._body = body

    @property
    def ok(self) -> bool:
        return self.status < 400

    async def text(self, encoding=None, errors="strict") -> str:
        return self._body

    async def read(self) -> bytes:
        return self._body.encode()

    async def json(self, *, encoding=None, loads=_json.loads, content_type="application/json"):
        return loads(self._body)

    def raise_for_status(self) -> None:
        if self.status >= 400:
            raise ClientResponseError(status=self.status, message=self.reason)

    def release(self) -> None:
        return None

    def close(self) -> None:
        return None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        return None

    def __repr__(self) -> str:
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"


class _RequestContextManager:
    """Awaitable and async context manager, like aiohttp's."""

    def __init__(self, coro) -> None:
        self._coro = coro
        self._response = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._response = await self._coro
        return self._response

    async def __aexit__(self, *exc_info):
        return None


# Sessions made in this run, numbered from 1 (reset by each run: install.fresh_run).
sessions = {"made": 0}


class ClientSession:
    def __init__(self, base_url=None, *, connector=None, timeout=None, headers=None, **_options):
        sessions["made"] += 1
        # Each request names its session, so the judge's record shows how many the program used.
        self._number = sessions["made"]
        self._base_url = base_url
        limit = connector.limit if isinstance(connector, TCPConnector) else 100
        self._limit = asyncio.Semaphore(limit) if limit else None
        self._timeout = timeout if isinstance(timeout, ClientTimeout) else ClientTimeout()
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_info):
        await self.close()

    async def close(self):
        self.closed = True

    def request(self, method: str, url, **options):
        return _RequestContextManager(self._request(method.upper(), str(url), options))

    def get(self, url, **options):
        return self.request("GET", url, **options)

    def post(self, url, **options):
        return self.request("POST", url, **options)

    def put(self, url, **options):
        return self.request("PUT", url, **options)

    def patch(self, url, **options):
        return self.request("PATCH", url, **options)

    def delete(self, url, **options):
        return self.request("DELETE", url, **options)

    def head(self, url, **options):
        return self.request("HEAD", url, **options)

    async def _request(self, method: str, url: str, options: dict):
        if self.closed:
            raise RuntimeError("Session is closed")
        if self._base_url and not url.startswith(("http://", "https://")):
            url = str(self._base_url).rstrip("/") + "/" + url.lstrip("/")
        timeout = options.get("timeout")
        total = (timeout.total if isinstance(timeout, ClientTimeout) else timeout) \
            if timeout is not None else self._timeout.total
        if self._limit is not None:
            await self._limit.acquire()
        try:
            answer = port.io({"op": "http", "method": method, "url": url, "task": current_task_id(),
                              "timeout": None if total is None else float(total), "session": self._number})["io"]
            task = asyncio.current_task()
            recorder.io_waiting(task, f"{method} {url}", answer["id"])
            cancelled = True
            try:
                await asyncio.sleep(answer["wait"])
                cancelled = False
            finally:
                recorder.io_done(task, answer["id"], cancelled)
            if answer["timedOut"]:
                raise ServerTimeoutError(f"Timeout on reading data from {url}")
        finally:
            if self._limit is not None:
                self._limit.release()
        return ClientResponse(method, url, answer["status"], answer["body"], {"Content-Type": "application/json"})


def request(method: str, url, **options):
    async def run():
        async with ClientSession() as session:
            return await session.request(method, url, **options)
    return _RequestContextManager(run())
