"""Awaitable's grading harness: a virtual clock for asyncio, a trace of what
the student's coroutines did, offline fake I/O and the exercise test API."""
