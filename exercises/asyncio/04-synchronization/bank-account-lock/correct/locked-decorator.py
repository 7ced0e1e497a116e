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


def holding_account_lock(operation):
    """装饰器：整个操作都在账户的锁里执行。 / A decorator: the whole operation runs holding the account's lock."""
    @functools.wraps(operation)
    async def locked(account, *args):
        async with account.lock:
            return await operation(account, *args)
    return locked


@holding_account_lock
async def deposit(account, amount):
    balance = await read_balance(account)
    await write_balance(account, balance + amount)


@holding_account_lock
async def withdraw(account, amount):
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
