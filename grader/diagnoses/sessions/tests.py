# A fixture for grader/diagnoses.test.ts: main() fetches three URLs; the
# judge's record of the requests says which session each went through.
from awaitable.testing import test


@test("sessions", zh="会话", en="Sessions")
def sessions(t):
    run = t.measure(t.function("main", coroutine=True))
    t.fail("sessions", zh=f"{run.sessions}", en=f"{run.sessions} {[record.get('session') for record in run.requests]}")


@test("sessions-again", zh="再一次", en="Again")
def sessions_again(t):
    sessions(t)
