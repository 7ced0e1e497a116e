import asyncio


async def read_balance(account):
    # zh: 模拟读数据库：0.1 秒。不要修改。
    # en: A simulated database read: 0.1 s. Do not change it.
    await asyncio.sleep(0.1)
    return account.balance


async def write_balance(account, value):
    # zh: 模拟写数据库：0.1 秒。不要修改。
    # en: A simulated database write: 0.1 s. Do not change it.
    await asyncio.sleep(0.1)
    account.balance = value


class Account:
    def __init__(self, balance=0):
        self.balance = balance
        # zh: TODO: 需要什么来保护这个账户？
        # en: TODO: what does this account need for protection?


async def deposit(account, amount):
    # zh: TODO: 这段代码在并发调用时会丢失更新，修好它
    # en: TODO: this loses updates when called concurrently: fix it
    balance = await read_balance(account)
    await write_balance(account, balance + amount)


async def withdraw(account, amount):
    # zh: TODO: 余额不足返回 False，否则扣款并返回 True；并发调用时也不能透支
    # en: TODO: return False if the balance is too low, else take the money and return True; never overdraw, even concurrently
    ...


async def main():
    account = Account()
    await asyncio.gather(*(deposit(account, 10) for _ in range(10)))
    print(account.balance)  # zh: 期望 100 # en: expected 100


if __name__ == "__main__":
    asyncio.run(main())
