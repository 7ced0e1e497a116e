import json
import os

from awaitable.testing import Failure, test

URLS = [f"https://data.example.com/{index}" for index in range(4)]


def fail(code, zh, en):
    raise Failure(zh=zh, en=en, misconception=code)


def mirror_into_fresh_folder(t):
    """mirror(URLS, folder) on a fresh folder made in the submission's process."""
    t.function("mirror", coroutine=True)
    return t.measure(t.scenario("mirror_into_fresh_folder"), URLS)


@test("files", zh="每个 URL 的响应都写进了 <下标>.json，返回的路径顺序正确", en="Every URL's body is written to <index>.json and the paths come back in order", weight=2)
def files(t):
    run = mirror_into_fresh_folder(t)
    folder, result, contents = run.result["folder"], run.result["result"], run.result["contents"]
    expected = [os.path.join(folder, f"{index}.json") for index in range(len(URLS))]
    if result is None or list(result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {result!r}。", f"Expected {expected!r}, got {result!r}.")
    for url, path, content in zip(URLS, expected, contents):
        try:
            body = json.loads(content) if content is not None else None
        except ValueError:
            body = None
        if not isinstance(body, dict) or body.get("url") != url:
            shown = content[:120] if content is not None else None
            fail("output", f"{os.path.basename(path)} 的内容应是 {url} 的响应体（JSON），实际为 {shown!r}。",
                 f"{os.path.basename(path)} should hold the body (JSON) of {url}, got {shown!r}.")


@test("concurrent", zh="4 个下载并发：约 1.2 秒（下载 1 秒 + 打开、写入各 0.1 秒），不是 4.8 秒", en="The 4 downloads run concurrently: about 1.2 s (1 s download + 0.1 s open + 0.1 s write), not 4.8 s", weight=2)
def concurrent(t):
    run = mirror_into_fresh_folder(t)
    t.about(run, 1.2, sequential=4.8)
    t.no_blocking(run)


@test("read-back", zh="read_back 并发读回所有文件，约 0.2 秒", en="read_back reads every file back concurrently, about 0.2 s")
def read_back(t):
    t.function("read_back", coroutine=True)
    run = t.measure(t.scenario("read_back_files"), 3)
    expected = [f"content {index}" for index in range(3)]
    if run.result is None or list(run.result) != expected:
        fail("output", f"应返回 {expected!r}，实际为 {run.result!r}。", f"Expected {expected!r}, got {run.result!r}.")
    t.about(run, 0.2, sequential=0.6)
