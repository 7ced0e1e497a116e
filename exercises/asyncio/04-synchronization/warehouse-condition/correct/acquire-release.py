import asyncio
import functools


class Warehouse:
    """Condition 建在一把显式的 Lock 上，用 acquire/release 而不是 async with。
    A Condition built on an explicit Lock, taken with acquire/release rather than async with."""

    def __init__(self, stock=0):
        self.stock = stock
        self.lock = asyncio.Lock()
        self.changed = asyncio.Condition(self.lock)

    def has(self, amount):
        return self.stock >= amount

    async def restock(self, amount):
        await self.lock.acquire()
        try:
            self.stock += amount
            self.changed.notify_all()
        finally:
            self.lock.release()

    async def take(self, amount):
        await self.changed.acquire()
        try:
            await self.changed.wait_for(functools.partial(self.has, amount))
            self.stock -= amount
        finally:
            self.changed.release()
        return amount


async def supplier(warehouse, deliveries):
    """每隔 delay 秒送来 amount 件货。不要修改。 / Delivers `amount` items after each `delay`. Do not change it."""
    for delay, amount in deliveries:
        await asyncio.sleep(delay)
        print(f"restock +{amount}")
        await warehouse.restock(amount)


async def customer(warehouse, name, amount):
    await warehouse.take(amount)
    print(f"{name} got {amount}")


async def main():
    warehouse = Warehouse()
    await asyncio.gather(
        customer(warehouse, "A", 5),
        customer(warehouse, "B", 2),
        customer(warehouse, "C", 3),
        supplier(warehouse, [(1, 2), (1, 3), (1, 5)]),
    )


if __name__ == "__main__":
    asyncio.run(main())
