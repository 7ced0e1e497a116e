"""Drives the submission's Warehouse from inside its process (see tests.py):
creates warehouses, lets customers wait in a known order and restocks on a
schedule. Everything returned is plain data. The customers' tasks are named
"customer <name>" so that tests.py can follow them in the trace (who woke up
at which restock, who was still waiting at the end)."""

import asyncio


async def _shop(student, wants, deliveries, patience=5, stock=0):
    """Customers `wants` ([(name, amount)]) start waiting in that order, then
    `deliveries` ([(at, amount)], absolute times) are restocked; `patience`
    seconds after the last one, whoever is still waiting is cancelled."""
    warehouse = student.Warehouse(stock)
    loop = asyncio.get_running_loop()
    served = {}

    async def customer(name, amount):
        got = await warehouse.take(amount)
        served[name] = [round(loop.time(), 3), warehouse.stock, got]

    tasks = {}
    for name, amount in wants:
        tasks[name] = asyncio.create_task(customer(name, amount), name=f"customer {name}")
        for _ in range(3):  # each one starts waiting before the next arrives
            await asyncio.sleep(0)
    restocks = []
    for at, amount in deliveries:
        await asyncio.sleep(max(0, at - loop.time()))
        before = round(loop.time(), 3)
        await warehouse.restock(amount)
        restocks.append([before, amount, warehouse.stock])
    await asyncio.wait(tasks.values(), timeout=patience)
    waiting = [name for name, task in tasks.items() if not task.done()]
    stock_at_end = warehouse.stock
    for name in waiting:
        tasks[name].cancel()
    for task in tasks.values():
        if task.done() and not task.cancelled() and task.exception() is not None:
            raise task.exception()  # the customer's own error, as the student would see it
    return {"served": served, "waiting": waiting, "stock": stock_at_end, "restocks": restocks,
            "wants": dict(wants)}


async def three_customers(student):
    """The prompt's example: A wants 5, B 2, C 3 (waiting in that order); 2, 3 and 5 items arrive at 1 s, 2 s and 3 s."""
    return await _shop(student, [("A", 5), ("B", 2), ("C", 3)], [(1, 2), (2, 3), (3, 5)])


async def uneven(student):
    """Five customers, deliveries at uneven times; one delivery is enough for two customers at once."""
    return await _shop(student, [("A", 5), ("B", 2), ("C", 3), ("D", 1), ("E", 4)],
                       [(0.63, 1), (1.47, 4), (2.21, 6), (3.08, 4)])


async def big_then_small(student):
    """Two customers wait; the first delivery is enough for the second one only, the second for the first."""
    return await _shop(student, [("big", 4), ("small", 1)], [(1, 1), (2, 4)])


async def lone_customer(student, amount, delivered):
    """One customer waits for `amount`; `delivered` items arrive at 1 s."""
    return await _shop(student, [("X", amount)], [(1, delivered)], patience=2)


async def ready_stock(student, stock, amount):
    """take(amount) with `stock` already there: how long it took and what was left."""
    warehouse = student.Warehouse(stock)
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(warehouse.take(amount), name="customer X")
    done, _ = await asyncio.wait({task}, timeout=1)
    if not done:
        left = warehouse.stock
        task.cancel()
        return {"finished": False, "stock": left}
    return {"finished": True, "got": task.result(), "stock": warehouse.stock, "at": round(loop.time(), 3)}
