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
    def __init__(self, balance=0):
        self.balance = balance
        self.deposit_lock = asyncio.Lock()   # 存款一把锁 / one lock for deposits
        self.withdraw_lock = asyncio.Lock()  # 取款另一把 / another for withdrawals


async def deposit(account, amount):
    # "读-改-写"中间有 await：不加锁，别的协程会在读和写之间插进来，更新就丢了
    # the read-modify-write has awaits in it: without the lock another coroutine slips in between and an update is lost
    async with account.deposit_lock:
        balance = await read_balance(account)
        await write_balance(account, balance + amount)


async def withdraw(account, amount):
    async with account.withdraw_lock:
        balance = await read_balance(account)
        if balance < amount:
            return False
        await write_balance(account, balance - amount)
        return True


async def main():
    account = Account()
    await asyncio.gather(*(deposit(account, 10) for _ in range(10)))
    print(account.balance)  # 100


if __name__ == "__main__":
    asyncio.run(main())
