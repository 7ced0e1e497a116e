"""Drives the submission from inside its process (see tests.py): calls the
synchronous entry point twice in a row, outside any event loop, and awaits
fetch_users with a get_user of our own whose latency differs from user to
user (the prompt gives get_user; the tests may replace it)."""

import asyncio

# Uneven on purpose: the users finish in another order than they were asked for.
LATENCIES = {1: 0.8, 2: 0.3, 3: 0.6, 4: 0.2}


def sync_twice(student):
    """fetch_users_sync([1, 2]) and then fetch_users_sync([3]), from plain synchronous code."""
    return student.fetch_users_sync([1, 2]), student.fetch_users_sync([3])


async def uneven_users(student, ids):
    """await fetch_users(ids) with an uneven get_user: (the result, the ids in the order their get_user finished)."""
    finished = []

    async def uneven_get_user(user_id):
        await asyncio.sleep(LATENCIES.get(user_id, 0.5))
        finished.append(user_id)
        return f"user_{user_id}"

    student.get_user = uneven_get_user
    return await student.fetch_users(ids), finished
