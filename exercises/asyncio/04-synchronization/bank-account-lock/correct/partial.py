import asyncio
import functools


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
        self.lock = asyncio.Lock()


async def change(account, amount, *, sign):
    """存款和取款共用的读-改-写：结果会是负数就不写，返回 False。
    The read-modify-write shared by deposits and withdrawals: nothing is written, and False returned, if it would go negative."""
    async with account.lock:
        balance = await read_balance(account)
        new_balance = balance + sign * amount
        if new_balance < 0:
            return False
        await write_balance(account, new_balance)
        return True


deposit = functools.partial(change, sign=+1)
withdraw = functools.partial(change, sign=-1)


async def main():
    account = Account()
    await asyncio.gather(*(deposit(account, 10) for _ in range(10)))
    print(account.balance)  # 100


if __name__ == "__main__":
    asyncio.run(main())
