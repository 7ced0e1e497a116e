"""Drives the submission from inside its process (see tests.py). The module's
read_balance/write_balance are replaced, for the scenario's duration, by ones
of ours that take the same time by default (or uneven times) and log every
database operation: which call (the task's name), read or write, from when to
when, and the value. Everything returned is plain data."""

import asyncio
import itertools


def _recording(student, latencies=None):
    """Install logging read_balance/write_balance; `latencies` cycles (read, write) pairs, else 0.1 s each."""
    loop = asyncio.get_running_loop()
    pairs = itertools.cycle(latencies or [(0.1, 0.1)])
    log = []

    def who():
        task = asyncio.current_task()
        return task.get_name() if task is not None else "?"

    async def read_balance(account):
        read, _ = next(pairs)
        entry = {"call": who(), "op": "read", "start": round(loop.time(), 3)}
        await asyncio.sleep(read)
        entry.update(end=round(loop.time(), 3), value=account.balance)
        log.append(entry)
        return account.balance

    async def write_balance(account, value):
        _, write = next(pairs)
        entry = {"call": who(), "op": "write", "start": round(loop.time(), 3), "value": value}
        await asyncio.sleep(write)
        account.balance = value
        entry["end"] = round(loop.time(), 3)
        log.append(entry)

    # A submission that dropped the given helpers still runs (its own way); the log then stays empty.
    missing = object()
    given = getattr(student, "read_balance", missing), getattr(student, "write_balance", missing)
    student.read_balance, student.write_balance = read_balance, write_balance

    def restore():
        for name, value in zip(("read_balance", "write_balance"), given):
            if value is missing:
                delattr(student, name)
            else:
                setattr(student, name, value)

    return log, restore


async def _calls(student, account, operations, latencies=None):
    """Run `operations` ([(name, amount)]) concurrently on `account`, each in a task named "<name> <n>"."""
    log, restore = _recording(student, latencies)
    try:
        tasks = [asyncio.create_task(getattr(student, name)(account, amount), name=f"{name} {number}")
                 for number, (name, amount) in enumerate(operations, 1)]
        outcomes = await asyncio.gather(*tasks)
    finally:
        restore()
    return {"outcomes": list(outcomes), "balance": account.balance, "log": log}


async def deposits(student, times, amount):
    return await _calls(student, student.Account(), [("deposit", amount)] * times)


async def withdrawals(student, balance, times, amount):
    return await _calls(student, student.Account(balance), [("withdraw", amount)] * times)


async def mixed(student, balance, operations, latencies):
    """Deposits and withdrawals on one account at once, with uneven database times."""
    return await _calls(student, student.Account(balance), [tuple(operation) for operation in operations],
                        [tuple(pair) for pair in latencies])


async def two_accounts(student):
    first, second = student.Account(), student.Account()
    await asyncio.gather(student.deposit(first, 10), student.deposit(second, 20))
    return first.balance, second.balance
