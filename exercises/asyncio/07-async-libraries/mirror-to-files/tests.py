import json
import os

from awaitable.testing import test

URLS = [f"https://data.example.com/{index}" for index in range(4)]
# 1 s and 0.4 s (exercise.json: the quick/ route) mixed, so the order the downloads finish in is not the order of URLS.
MIXED = ["https://data.example.com/0", "https://data.example.com/quick/1", "https://data.example.com/2",
         "https://data.example.com/quick/3", "https://data.example.com/quick/4", "https://data.example.com/5"]


def mirror_into_fresh_folder(t, urls):
    """mirror(urls, folder) on a fresh folder made in the submission's process."""
    t.function("mirror", coroutine=True)
    return t.measure(t.scenario("mirror_into_fresh_folder"), urls)


def http_records(run):
    return [record for record in run.requests if record["method"] != "FILE"]


def file_records(run):
    return [record for record in run.requests if record["method"] == "FILE"]


def peak(records):
    """The most of these records in flight at one moment (an end before a start at the same instant)."""
    points = sorted([(record["start"], 1) for record in records]
                    + [(record["end"] if record["end"] is not None else float("inf"), -1) for record in records],
                    key=lambda point: (point[0], point[1]))
    most = current = 0
    for _, delta in points:
        current += delta
        most = max(most, current)
    return most


def in_finishing_order(run, urls, indexes):
    """The URLs of these indexes are in the order their downloads finished (ties in any order), and that is
    not the order of urls."""
    ends = {}
    for record in http_records(run):
        ends.setdefault(record["url"], []).append(record["end"] if record["end"] is not None else float("inf"))
    if any(len(ends.get(url, [])) != 1 for url in urls):
        return False
    times = [ends[urls[index]][0] for index in indexes]
    return times == sorted(times) and list(indexes) != sorted(indexes)


@test("files", zh="每个 URL 的响应都写进了 <下标>.json，返回的路径按 urls 的顺序（下载有快有慢）",
      en="Every URL's body is written to <index>.json and the paths come back in the order of urls (some downloads are quicker)",
      weight=2)
def files(t):
    run = mirror_into_fresh_folder(t, MIXED)
    folder, result, contents = run.result["folder"], run.result["result"], run.result["contents"]
    expected = [os.path.join(folder, f"{index}.json") for index in range(len(MIXED))]
    names = [os.path.basename(path) for path in expected]
    shown = [os.path.basename(path) if isinstance(path, str) else path for path in result] \
        if isinstance(result, (list, tuple)) else result
    if not isinstance(result, (list, tuple)):
        t.equal(result, expected)  # None, a coroutine, a Future: the shared diagnosis names it
    if list(result) != expected:
        if sorted(result) == sorted(expected) and in_finishing_order(run, MIXED, [expected.index(path) for path in result]):
            t.fail("order",
                   zh=f"返回的路径（{shown}）是按下载完成的先后排的：quick/ 的 URL 只要 0.4 秒，先完成了。"
                      f"题目要求按 urls 的顺序返回（{names}）：asyncio.gather 的结果就是参数的顺序；"
                      "用 as_completed 或按完成顺序 append 的话，要再按下标放回原位。",
                   en=f"The paths returned ({shown}) are in the order the downloads finished: the quick/ URLs take only "
                      f"0.4 s and finished first. They must come back in the order of urls ({names}): asyncio.gather "
                      "returns results in argument order; with as_completed or appending as they finish, put each back "
                      "at its index.")
        t.fail("output", zh=f"应按 urls 的顺序返回 {names}（在 folder 里），实际为 {shown!r}。",
               en=f"Expected {names} (in folder), in the order of urls; got {shown!r}.")
    for index, (url, content) in enumerate(zip(MIXED, contents)):
        try:
            body = json.loads(content) if content is not None else None
        except ValueError:
            body = None
        if isinstance(body, dict) and body.get("url") != url and body.get("url") in MIXED:
            t.fail("output",
                   zh=f"{index}.json 里是 {body.get('url')} 的响应体，应是 {url} 的（第 {index} 个 URL）："
                      "文件名的下标要取自 URL 在 urls 里的位置，而不是它下载完成的先后。",
                   en=f"{index}.json holds the body of {body.get('url')}; it should hold {url}'s (URL number {index}): the "
                      "file's index is the URL's position in urls, not when its download finished.")
        if not isinstance(body, dict) or body.get("url") != url:
            excerpt = content[:120] if content is not None else None
            t.fail("output", zh=f"{index}.json 的内容应是 {url} 的响应体（JSON），实际为 {excerpt!r}。",
                   en=f"{index}.json should hold the body (JSON) of {url}, got {excerpt!r}.")


@test("one-session", zh="所有下载共用一个 aiohttp.ClientSession", en="Every download shares one aiohttp.ClientSession")
def one_session(t):
    run = mirror_into_fresh_folder(t, URLS)
    sessions = run.result["sessions"]
    if sessions > 1:
        t.fail("session-per-request",
               zh=f"mirror 下载 {len(URLS)} 个 URL 时创建了 {sessions} 个 ClientSession（aiohttp.request() 每次也会新建一个）："
                  "会话管理着连接池，应该在 mirror 里创建一个，传给每个下载共用。",
               en=f"mirror made {sessions} ClientSessions to download {len(URLS)} URLs (aiohttp.request() makes one each "
                  "time too): a session holds the connection pool; create one in mirror and share it with every download.")


@test("concurrent", zh="4 个下载并发：约 1.2 秒（下载 1 秒 + 打开、写入各 0.1 秒），不是 4.8 秒",
      en="The 4 downloads run concurrently: about 1.2 s (1 s download + 0.1 s open + 0.1 s write), not 4.8 s", weight=2)
def concurrent(t):
    run = mirror_into_fresh_folder(t, URLS)
    if run.blocking:  # the shared diagnosis names the blocking call (requests before open)
        t.about(run, 1.2, sequential=4.8)
        t.no_blocking(run)
    files_touched = file_records(run)
    if not files_touched:
        t.fail("not-aiofiles",
               zh="运行记录里没有任何 aiofiles 的文件操作：题目要求用 aiofiles 写文件"
                  "（async with aiofiles.open(path, \"w\") as f: await f.write(text)）。",
               en="The run shows no aiofiles file operation at all: the exercise asks you to write the files with aiofiles "
                  "(async with aiofiles.open(path, \"w\") as f: await f.write(text)).")
    downloads = http_records(run)
    if run.elapsed > 1.21 and peak(downloads) >= len(URLS) and peak(files_touched) == 1:
        t.fail("sequential",
               zh=f"下载是同时进行的，但运行记录显示文件操作一次只有 1 个在进行（共 {len(files_touched)} 次，"
                  f"测得 {run.elapsed:g} 秒，期望约 1.2 秒）：写文件也要并发——把“下载 + 写入”放进同一个协程，"
                  "再用 gather 一起运行。",
               en=f"The downloads ran at the same time, but the trace shows only 1 file operation in flight at a time "
                  f"({len(files_touched)} in all; measured {run.elapsed:g} s, expected about 1.2 s): write the files "
                  "concurrently too — put download + write in one coroutine and gather those.")
    t.about(run, 1.2, sequential=4.8)


@test("read-back", zh="read_back 并发读回所有文件，约 0.2 秒", en="read_back reads every file back concurrently, about 0.2 s")
def read_back(t):
    t.function("read_back", coroutine=True)
    run = t.measure(t.scenario("read_back_files"), 3)
    expected = [f"content {index}" for index in range(3)]
    if run.result is None or list(run.result) != expected:
        t.fail("output", zh=f"应返回 {expected!r}，实际为 {run.result!r}。", en=f"Expected {expected!r}, got {run.result!r}.")
    t.no_blocking(run)
    t.about(run, 0.2, sequential=0.6)
