import json
import os
import tempfile

from awaitable.testing import Failure, test

URLS = [f"https://data.example.com/{index}" for index in range(4)]


def fail(code, zh, en):
    raise Failure({"zh": zh, "en": en}, code)


def mirror_into_fresh_folder(t):
    mirror = t.function("mirror", coroutine=True)
    folder = tempfile.mkdtemp()
    return t.measure(mirror, URLS, folder), folder


@test("files", zh="每个 URL 的响应都写进了 <下标>.json，返回的路径顺序正确", en="Every URL's body is written to <index>.json and the paths come back in order", weight=2)
def files(t):
    run, folder = mirror_into_fresh_folder(t)
    expected = [os.path.join(folder, f"{index}.json") for index in range(len(URLS))]
    if run.result is None or list(run.result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {run.result!r}。", f"Expected {expected!r}, got {run.result!r}.")
    for url, path in zip(URLS, expected):
        with open(path, encoding="utf-8") as handle:
            content = handle.read()
        try:
            body = json.loads(content)
        except ValueError:
            body = None
        if not isinstance(body, dict) or body.get("url") != url:
            fail("output", f"{os.path.basename(path)} 的内容应是 {url} 的响应体（JSON），实际为 {content[:120]!r}。",
                 f"{os.path.basename(path)} should hold the body (JSON) of {url}, got {content[:120]!r}.")


@test("concurrent", zh="4 个下载并发：约 1.2 秒（下载 1 秒 + 打开、写入各 0.1 秒），不是 4.8 秒", en="The 4 downloads run concurrently: about 1.2 s (1 s download + 0.1 s open + 0.1 s write), not 4.8 s", weight=2)
def concurrent(t):
    run, _ = mirror_into_fresh_folder(t)
    t.about(run, 1.2, sequential=4.8)
    t.no_blocking(run)


@test("read-back", zh="read_back 并发读回所有文件，约 0.2 秒", en="read_back reads every file back concurrently, about 0.2 s")
def read_back(t):
    folder = tempfile.mkdtemp()
    paths = []
    for index in range(3):
        path = os.path.join(folder, f"{index}.txt")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f"content {index}")
        paths.append(path)
    run = t.measure(t.function("read_back", coroutine=True), paths)
    expected = [f"content {index}" for index in range(3)]
    if run.result is None or list(run.result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {run.result!r}。", f"Expected {expected!r}, got {run.result!r}.")
    t.about(run, 0.2, sequential=0.6)
