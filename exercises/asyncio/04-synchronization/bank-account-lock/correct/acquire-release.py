import asyncio


async def read_balance(account):
    """模拟读数据库：0.1 秒。不要修改。 / A simulated database read: 0.1 s. Do not change it."""
    await asyncio.sleep(0.1)
    return account.balance


async def write_balance(account, value):
    """模拟写数据库：0.1 秒。不要修改。 / A simulated database write: 0.1 s. Do not change it."""
    await asyncio.sleep(0.1)
    account.balance = value


class Account:
    """余额的读-改-写放在账户自己的方法里；锁用 acquire/release 加 try/finally。
    The read-modify-write lives in the account's own methods; the lock is taken with acquire/release in try/finally."""

    def __init__(self, balance=0):
        self.balance = balance
        self._lock = asyncio.Lock()

    async def add(self, amount):
        await self._lock.acquire()
        try:
            balance = await read_balance(self)
            await write_balance(self, balance + amount)
        finally:
            self._lock.release()

    async def take(self, amount):
        await self._lock.acquire()
        try:
            balance = await read_balance(self)
            if balance < amount:
                return False
            await write_balance(self, balance - amount)
            return True
        finally:
            self._lock.release()


async def deposit(account, amount):
    await account.add(amount)


async def withdraw(account, amount):
    return await account.take(amount)


async def main():
    account = Account()
    await asyncio.gather(*(deposit(account, 10) for _ in range(10)))
    print(account.balance)  # 100


if __name__ == "__main__":
    asyncio.run(main())
