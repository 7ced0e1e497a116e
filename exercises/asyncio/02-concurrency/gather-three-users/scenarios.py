"""Drives the submission from inside its process (see tests.py): main() with
the module's get_user replaced by one whose requests take different times, so
that the order of completion differs from the order of the user ids.
Everything returned is plain data."""

import asyncio


async def main_with_uneven_users(student, latencies, timeout):
    """What main() returned with our get_user (latency per user id from
    `latencies`), and the ids it was called with. A main() that does not end
    within `timeout` virtual seconds, or raises, is left to the other runs of
    the test, which report it as it is."""
    calls = []

    async def get_user(user_id):
        calls.append(user_id)
        await asyncio.sleep(latencies.get(str(user_id), 0.5))
        return f"user_{user_id}"

    original = student.get_user
    student.get_user = get_user
    try:
        result = await asyncio.wait_for(student.main(), timeout)
    except asyncio.TimeoutError:
        return {"finished": False, "result": None, "calls": calls}
    except Exception:  # noqa: BLE001  reported by the test's own run of main()
        return {"finished": False, "result": None, "calls": calls}
    finally:
        student.get_user = original
    return {"finished": True, "result": result, "calls": calls}
