import asyncio


async def get_user(user_id):
    await asyncio.sleep(0.5)
    return f"user_{user_id}"


async def fetch_users(ids):
    tasks = [asyncio.create_task(get_user(user_id)) for user_id in ids]
    return [await task for task in tasks]


class SyncClient:
    """同步调用者共用的一个循环：只建一次，从不在两次调用之间关闭。
    One loop shared by synchronous callers: made once, never closed between calls."""

    def __init__(self):
        self._loop = None

    def run(self, coroutine):
        if self._loop is None or self._loop.is_closed():
            self._loop = asyncio.new_event_loop()
        return self._loop.run_until_complete(coroutine)

    def close(self):
        if self._loop is not None:
            self._loop.close()


_client = SyncClient()


def fetch_users_sync(ids):
    return _client.run(fetch_users(ids))


async def dashboard(ids):
    users = await fetch_users(ids)
    return {"count": len(users), "users": users}


if __name__ == "__main__":
    print(fetch_users_sync([1, 2, 3]))
    print(fetch_users_sync([4, 5]))
    _client.close()
    print(asyncio.run(dashboard([1, 2])))
