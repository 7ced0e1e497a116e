"""Drives the submission from inside its process (see tests.py): runs
make_thumbnails() with the given resize() replaced by one whose calls take a
different time per image, as a real service's do, and records when each call
started and ended. Everything returned is plain data."""

import asyncio


async def uneven(student, plan, limit):
    """make_thumbnails over the images of ``plan`` ([image, seconds] pairs) with
    ``limit``, each resize(image) taking that image's seconds. Returns the result
    and every call as [image, start, end] (seconds from the start; end None for
    a call that never finished)."""
    loop = asyncio.get_running_loop()
    seconds = dict((image, latency) for image, latency in plan)
    calls = []
    start = loop.time()

    async def resize(image):
        call = [image, loop.time() - start, None]
        calls.append(call)
        await asyncio.sleep(seconds.get(image, 0.5))
        call[2] = loop.time() - start
        return f"thumb-{image}"

    original = student.resize
    student.resize = resize
    try:
        result = await student.make_thumbnails([image for image, _ in plan], limit)
    finally:
        student.resize = original
    return {"result": list(result) if isinstance(result, (list, tuple)) else result, "calls": calls}
