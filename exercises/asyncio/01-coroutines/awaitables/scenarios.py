"""Drives the submission from inside its process (see tests.py): creates its
objects and awaits them, and returns what the tests check, as plain data."""

import asyncio
import inspect


async def await_delay(student, seconds, value):
    return await student.Delay(seconds, value)


async def gather_delays(student, seconds=(1, 1, 1)):
    return await asyncio.gather(*(student.Delay(wait, value) for wait, value in zip(seconds, "abc")))


async def await_later(student, seconds, value):
    made = student.later(seconds, value)
    if inspect.iscoroutine(made):
        made.close()  # an async def later(): its body never ran; closing it keeps the run free of warnings
        return ["coroutine", "coroutine"]
    if not isinstance(made, asyncio.Future):
        return ["not-future", type(made).__name__]
    if isinstance(made, asyncio.Task):
        made.cancel()
        return ["task", type(made).__name__]
    done_at_once = made.done()
    return ["ok", done_at_once, await made]


async def _answer(value):
    await asyncio.sleep(0.5)
    return value


async def resolve_awaitables(student):
    resolve = student.resolve
    task = asyncio.create_task(_answer("task"))
    future = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.5, future.set_result, "future")
    results = [await resolve(_answer("coroutine")), await resolve(task), await resolve(future),
               await resolve(student.Delay(0.5, "delay"))]
    # Whether resolve gave an awaitable back instead of its result.
    described = []
    for value in results:
        awaitable = inspect.isawaitable(value)
        if inspect.iscoroutine(value):
            value.close()
        described.append(["awaitable", type(value).__name__] if awaitable else ["value", value])
    # Whether a Delay is awaitable at all (a Delay without __await__ is rightly given back as it is).
    described.append(["delay-awaitable", inspect.isawaitable(student.Delay(0, None))])
    return described


async def resolve_plain(student):
    resolve = student.resolve
    return [await resolve(42), await resolve(print("hi")), await resolve("text")]
