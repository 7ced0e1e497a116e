"""Drives the submission from inside its process (see tests.py): calls the
synchronous entry point twice in a row, outside any event loop."""


def sync_twice(student):
    """fetch_users_sync([1, 2]) and then fetch_users_sync([3]), from plain synchronous code."""
    return student.fetch_users_sync([1, 2]), student.fetch_users_sync([3])
