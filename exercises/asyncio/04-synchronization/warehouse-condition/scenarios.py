"""Drives the submission's Warehouse from inside its process (see tests.py):
creates warehouses, lets customers wait in a known order and restocks on a
schedule. Everything returned is plain data."""

import asyncio


async def three_customers(student):
    """A wants 5, B 2, C 3 (waiting in that order); 2, 3 and 5 items arrive at 1 s, 2 s and 3 s."""
    warehouse = student.Warehouse()
    loop = asyncio.get_running_loop()
    served = []

    async def customer(name, amount):
        got = await warehouse.take(amount)
        served.append((name, round(loop.time(), 3), warehouse.stock))
        return got

    customers = []
    for name, amount in (("A", 5), ("B", 2), ("C", 3)):
        customers.append(asyncio.create_task(customer(name, amount), name=name))
        await asyncio.sleep(0)  # each one starts waiting before the next arrives
    for amount in (2, 3, 5):
        await asyncio.sleep(1)
        await warehouse.restock(amount)
    results = await asyncio.gather(*customers)
    return served, list(results), warehouse.stock


async def big_then_small(student):
    """Two customers wait; one delivery is enough for both, and only the second one's predicate is true first.
    Returns how many were still waiting 5 s after the last delivery."""
    warehouse = student.Warehouse()
    big = asyncio.create_task(warehouse.take(4))
    await asyncio.sleep(0)
    small = asyncio.create_task(warehouse.take(1))
    await asyncio.sleep(0)
    await asyncio.sleep(1)
    await warehouse.restock(1)   # only "small" can go
    await asyncio.sleep(1)
    await warehouse.restock(4)   # now "big" can go
    done, pending = await asyncio.wait({big, small}, timeout=5)
    for task in pending:
        task.cancel()
    return len(pending)


async def ready_stock(student, stock, amount):
    warehouse = student.Warehouse(stock)
    got = await warehouse.take(amount)
    return got, warehouse.stock
