from awaitable.testing import Failure, test

EXPECTED = [("B", 1.0, 0), ("C", 2.0, 0), ("A", 3.0, 0)]


@test("served", zh="B 在 1 秒、C 在 2 秒、A 在 3 秒拿到货，每人拿到自己要的数量",
      en="B is served at 1 s, C at 2 s, A at 3 s, each getting the amount asked for", weight=2)
def served(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("three_customers"))
    served, results, stock = run.result
    negative = [(name, at, left) for name, at, left in served if left < 0]
    if negative:
        name, at, left = negative[0]
        raise Failure(zh=f"{name} 在第 {at:g} 秒拿货后库存变成了 {left}：顾客被唤醒时没有重新检查库存是否足够。"
                         "被唤醒不代表条件成立（别人可能先拿走了，或者 notify 只是说\"库存变了\"）。"
                         "用 await condition.wait_for(lambda: self.stock >= amount)，或者 while 循环里 wait()。",
                      en=f"After {name} was served at {at:g} s the stock was {left}: a woken customer did not re-check that "
                         "there was enough stock. Being woken does not mean the condition holds (someone may have taken "
                         "the stock first; notify only says \"the stock changed\"). Use await condition.wait_for(lambda: "
                         "self.stock >= amount), or wait() inside a while loop.",
                      misconception="timing")
    t.equal(served, EXPECTED)
    t.equal(results, [5, 2, 3])
    t.equal(stock, 0)


@test("wakes-everyone", zh="每次补货唤醒所有等待者：A 要的 5 件到齐时 A 也能拿到（不会永远等待）",
      en="Every restock wakes all waiters: A is served once its 5 items are there (it does not wait forever)",
      weight=2)
def wakes_everyone(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("big_then_small"))
    if run.result:
        raise Failure(zh="库存已经够了，但还有顾客一直没有被唤醒：notify() 只唤醒一个等待者，而被唤醒的那个条件可能不成立、"
                         "又回去等了，能拿货的人却还在睡。库存变化时用 notify_all()。",
                      en="There was enough stock but a customer was never woken: notify() wakes one waiter only, whose "
                         "predicate may be false so it waits again, while the one who could proceed sleeps on. Use "
                         "notify_all() when the stock changes.",
                      misconception="deadlock")
    t.about(run, 2)


@test("ready-stock", zh="库存已够时 take() 立即返回，不等待", en="take() returns at once when the stock is already there")
def ready_stock(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("ready_stock"), 5, 3)
    t.equal(run.result, (3, 2))
    t.about(run, 0)


@test("program", zh="作为程序运行：B、C、A 依次拿到货，共 3 秒", en="Run as a program: B, C, then A are served; 3 s in total")
def program(t):
    run = t.run_program()
    t.all_awaited(run)
    t.order(run, ["restock +2", "B got 2", "restock +3", "C got 3", "restock +5", "A got 5"])
    t.about(run, 3)
