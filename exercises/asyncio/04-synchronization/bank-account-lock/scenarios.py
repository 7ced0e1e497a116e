"""Drives the submission from inside its process (see tests.py)."""

import asyncio


async def deposits(student, times, amount):
    account = student.Account()
    await asyncio.gather(*(student.deposit(account, amount) for _ in range(times)))
    return account.balance


async def withdrawals(student, balance, times, amount):
    account = student.Account(balance)
    outcomes = await asyncio.gather(*(student.withdraw(account, amount) for _ in range(times)))
    return list(outcomes), account.balance


async def two_accounts(student):
    first, second = student.Account(), student.Account()
    await asyncio.gather(student.deposit(first, 10), student.deposit(second, 20))
    return first.balance, second.balance
