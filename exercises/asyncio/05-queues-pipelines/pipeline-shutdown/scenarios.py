"""Drives the submission from inside its process (see tests.py): runs
run_pipeline() and lists the tasks it left pending, as plain data; or runs it
with the given download replaced by one whose downloads take different times."""

import asyncio


async def pipeline_then_look(student, urls, workers):
    """Await run_pipeline(urls, workers), then list the tasks still pending:
    [coroutine name, whether it had been asked to cancel]."""
    result = await student.run_pipeline(urls, workers)
    me = asyncio.current_task()
    pending = sorted([task.get_coro().__qualname__, task.cancelling() > 0] for task in asyncio.all_tasks()
                     if task is not me and not task.done())
    return result, pending


async def uneven(student, urls, workers, latencies):
    """run_pipeline(urls, workers) with download replaced by one that takes
    latencies[url] seconds (the prompt's takes 1 s for every URL: equal
    latencies make completion order look like the order of urls). Returns (its
    result, the URLs in the order their downloads ended)."""
    original = getattr(student, "download", None)
    finished = []

    async def download(url):
        await asyncio.sleep(latencies.get(url, 1))
        finished.append(url)
        if "bad" in url:
            raise ValueError(f"download failed: {url}")
        return f"page:{url}"

    student.download = download
    try:
        result = await student.run_pipeline(urls, workers)
    finally:
        student.download = original
    return result, finished
