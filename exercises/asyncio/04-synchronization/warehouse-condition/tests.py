from awaitable.testing import test

EPSILON = 0.0005  # trace times are to the microsecond, the scenarios' to the millisecond

# name -> when the customer is served (the prompt does not say who goes first when one delivery serves two)
THREE = {"B": 1.0, "C": 2.0, "A": 3.0}
UNEVEN = {"D": 0.63, "B": 1.47, "A": 2.21, "C": 2.21, "E": 3.08}
BIG_THEN_SMALL = {"small": 1.0, "big": 2.0}


def names(items):
    return ", ".join(items) or "—"


def customer_events(run):
    """name -> the trace events of the task "customer <name>" (the scenarios name them so)."""
    ids = {task["id"]: task["name"][len("customer "):] for task in run.tasks
           if task["name"].startswith("customer ")}
    events = {name: [] for name in ids.values()}
    for event in run.events:
        if event.get("task") in ids:
            events[ids[event["task"]]].append(event)
    return events


def at_restock(run, at):
    """(waiting, woken, on): the customers suspended on a synchronisation primitive just before the restock at
    `at`, those of them that resumed at that instant, and what each waited on."""
    waiting, woken, on = [], [], {}
    for name, events in customer_events(run).items():
        before = [event for event in events if event["t"] < at - EPSILON]
        if before and before[-1]["kind"] == "suspend" and before[-1].get("category") == "sync":
            waiting.append(name)
            on[name] = before[-1].get("on", "?")
            if any(event["kind"] == "resume" and abs(event["t"] - at) < EPSILON for event in events):
                woken.append(name)
    return sorted(waiting), sorted(woken), on


def check_negative(t, data):
    for name, (at, left, got) in sorted(data["served"].items(), key=lambda item: item[1][0]):
        if left < 0:
            t.fail("negative-stock",
                   zh=f"{name} 要 {data['wants'][name]} 件，第 {at:g} 秒拿走后库存变成了 {left}：它在库存不够的时候就拿了货。"
                      "被唤醒不代表条件成立（别的顾客可能先拿走了，notify 只是说\"库存变了\"）。每次醒来都要重新检查"
                      " stock >= amount，不够就接着等：await condition.wait_for(lambda: self.stock >= amount)，"
                      "或者 while self.stock < amount: await condition.wait()。",
                   en=f"{name} wants {data['wants'][name]}; after it took its share at {at:g} s the stock was {left}: it "
                      "took while there was not enough. Being woken does not mean the condition holds (another customer "
                      "may have taken the stock first; notify only says \"the stock changed\"). Re-check stock >= amount "
                      "after every wake-up and wait again while it is false: await condition.wait_for(lambda: "
                      "self.stock >= amount), or while self.stock < amount: await condition.wait().")


def check_waiting(t, run, data):
    """Customers still waiting at the end: say what the trace shows of them."""
    waiting_at_end = data["waiting"]
    if not waiting_at_end:
        return
    stock, wants = data["stock"], data["wants"]
    restocks = [at for at, _, _ in data["restocks"]]
    seen = [(at,) + at_restock(run, at) for at in restocks]
    asleep = [(at, waiting) for at, waiting, woken, _ in seen if waiting]
    if asleep and all(not woken for _, waiting, woken, _ in seen if waiting):
        times = "、".join(f"{at:g}" for at, _ in asleep)
        times_en = ", ".join(f"{at:g} s" for at, _ in asleep)
        t.fail("never-notified",
               zh=f"补货之后没有任何顾客醒来：第 {times} 秒补货时都有顾客在等（{names(asleep[0][1])}），但运行记录里没有一个在那一刻被唤醒，"
                  f"最后还在等的有：{names(waiting_at_end)}（库存 {stock}）。restock 加完库存后要在持有这个 Condition 时"
                  "（async with self.condition:）调用 notify_all()——而且必须是 take() 里等待的同一个 Condition"
                  "（在 __init__ 里创建一次）。",
               en=f"No customer woke up after a restock: at the restocks at {times_en} customers were waiting "
                  f"({names(asleep[0][1])}), yet the trace shows none of them waking at that moment; still waiting at the end: "
                  f"{names(waiting_at_end)} (stock {stock}). After adding to the stock, restock must "
                  "call notify_all() while holding the Condition (async with self.condition:) — the same Condition take() "
                  "waits on (created once, in __init__).")
    last_at, waiting, woken, on = seen[-1]
    for name in waiting_at_end:
        amount = wants[name]
        if stock < amount:
            continue
        if name in woken:
            t.fail("wrong-predicate",
                   zh=f"{name} 要 {amount} 件：第 {last_at:g} 秒补货后它被唤醒了，那时库存至少有 {stock} 件（≥ {amount}），"
                      f"它却又回去等待，到最后还在 {on[name]} 上等。唤醒确实到了（restock 叫醒了它），是它检查的条件让它继续等："
                      "条件应该正好是 stock >= amount——库存正好等于要的数量也够（注意 <= 与 <、> 与 >= 的区别），"
                      "并且每次都要读 self.stock 的当前值，而不是等待前存下的副本。",
                   en=f"{name} wants {amount}: it was woken after the restock at {last_at:g} s, when there were at least "
                      f"{stock} in stock (≥ {amount}), yet it went back to waiting and was still waiting on {on[name]} at "
                      "the end. The wake-up did arrive (the restock woke it); the condition it checks kept it waiting. That "
                      "condition must be exactly stock >= amount — exactly the amount in stock is enough (mind <= versus <, "
                      "> versus >=) — and it must read self.stock afresh each time, not a copy taken before waiting.")
        if name in waiting and woken:
            t.fail("notify-one",
                   zh=f"第 {last_at:g} 秒补货时有 {len(waiting)} 个顾客在等（{names(waiting)}），运行记录显示只有 "
                      f"{names(woken)} 被唤醒。{name} 要 {amount} 件，没有被唤醒，库存够了（{stock} ≥ {amount}）也一直等到最后。"
                      "notify() 默认只唤醒一个等待者，被唤醒的那个可能拿不了货、又回去等；库存变化时用 notify_all() "
                      "唤醒所有人，让每个人重新检查自己的条件。",
                   en=f"When the restock at {last_at:g} s came, {len(waiting)} customers were waiting ({names(waiting)}); "
                      f"the trace shows only {names(woken)} waking up. {name}, who wants {amount}, was not woken and waited "
                      f"to the end although the stock was enough ({stock} ≥ {amount}). notify() wakes one waiter by "
                      "default, and that one may be unable to take anything and wait again; when the stock changes, "
                      "notify_all() wakes everyone so that each one re-checks its own condition.")
    name = waiting_at_end[0]
    t.fail("still-waiting",
           zh=f"最后还在等的有：{names(waiting_at_end)}（{name} 要 {wants[name]} 件，最后库存 {stock} 件）：所有货都送到之后，"
              "每个顾客都应该已经拿到自己要的数量。",
           en=f"Still waiting at the end: {names(waiting_at_end)} ({name} wants {wants[name]}; {stock} left in "
              "stock): once every delivery has arrived, each customer should have been served.")


def polling(run, data):
    """(name, what it slept on, how many times) for a customer that slept on the clock while waiting."""
    for name, events in sorted(customer_events(run).items()):
        sleeps = [event.get("on", "") for event in events
                  if event["kind"] == "suspend" and event.get("category") == "sleep"]
        if sleeps:
            return name, sleeps[0], len(sleeps)
    return None


def check_served(t, run, data, expected):
    check_negative(t, data)
    check_waiting(t, run, data)
    served, wants = data["served"], data["wants"]
    restocks = len(data["restocks"])
    poll = polling(run, data)
    times = {name: at for name, (at, _, _) in served.items()}
    if poll and (poll[2] > restocks + 2 or times != expected):
        name, on, count = poll
        at = times.get(name)
        if at is not None and abs(at - expected[name]) > EPSILON:
            late_zh = f"，而且发现得晚：{name} 在第 {at:g} 秒才拿到货，期望第 {expected[name]:g} 秒"
            late_en = f", and it notices late: {name} was served at {at:g} s, expected at {expected[name]:g} s"
        else:
            late_zh = late_en = ""
        t.fail("polling",
               zh=f"运行记录显示 {name} 在等货时睡在 {on} 上，共睡了 {count} 次，而库存只变化了 {restocks} 次：它在定时查看库存，"
                  f"而不是在 Condition 上等待{late_zh}。用 await condition.wait_for(lambda: self.stock >= amount) 等待，"
                  "让 restock 的 notify_all() 在库存变化的那一刻唤醒它。",
               en=f"The trace shows {name} sleeping on {on} while it waited for stock, {count} times, while the stock "
                  f"changed only {restocks} times: it checks the stock on a timer instead of waiting on the "
                  f"Condition{late_en}. Wait with await condition.wait_for(lambda: self.stock >= amount) and let "
                  "restock's notify_all() wake it the moment the stock changes.")
    for name, (at, left, got) in served.items():
        if got != wants[name]:
            t.fail("return-value",
                   zh=f"{name} 的 take({wants[name]}) 返回了 {got!r}：take 要返回取走的数量 {wants[name]}。",
                   en=f"{name}'s take({wants[name]}) returned {got!r}: take must return the amount taken, {wants[name]}.")
    if times != expected:
        def show(table, unit):
            return ", ".join(f"{name} {at:g}{unit}" for name, at in sorted(table.items(), key=lambda item: (item[1], item[0])))
        t.fail("timing",
               zh=f"顾客拿到货的时间应为：{show(expected, ' 秒')}；实际：{show(times, ' 秒')}"
                  f"（每人拿完后的库存：{', '.join(f'{name} {left}' for name, (_, left, _) in served.items())}）。"
                  "每个顾客应该在库存第一次够它要的数量的那次补货时拿到货，并从库存里减去它拿走的数量。",
               en=f"The customers should be served at: {show(expected, ' s')}; got: {show(times, ' s')} (the stock "
                  f"right after each: {', '.join(f'{name} {left}' for name, (_, left, _) in served.items())}). Each "
                  "customer should be served at the restock that first makes the stock enough for its amount, and take "
                  "that amount out of the stock.")
    if data["stock"] != 0:
        t.fail("timing", zh=f"最后库存应为 0，实际 {data['stock']}。", en=f"The stock at the end should be 0, got {data['stock']}.")


@test("served", zh="B 在 1 秒、C 在 2 秒、A 在 3 秒拿到货，每人拿到自己要的数量",
      en="B is served at 1 s, C at 2 s, A at 3 s, each getting the amount asked for", weight=2)
def served(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("three_customers"))
    check_served(t, run, run.result, THREE)


@test("uneven", zh="5 个顾客、不规则的到货时间（0.63、1.47、2.21、3.08 秒）：每人在库存第一次够时拿到货，2.21 秒那次同时满足两个人",
      en="5 customers, deliveries at uneven times (0.63, 1.47, 2.21, 3.08 s): each is served as soon as the stock is "
         "enough, two of them by the delivery at 2.21 s", weight=2)
def uneven(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("uneven"))
    check_served(t, run, run.result, UNEVEN)


@test("wakes-everyone", zh="每次补货唤醒所有等待者：先到的 1 件给要 1 件的人，之后的 4 件给要 4 件的人（没有人永远等待）",
      en="Every restock wakes all waiters: the first item goes to the customer who wants 1, the next 4 to the one who "
         "wants 4 (nobody waits forever)", weight=2)
def wakes_everyone(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("big_then_small"))
    check_served(t, run, run.result, BIG_THEN_SMALL)


@test("exact-amount", zh="库存正好等于要的数量也够：等 3 件的顾客在 3 件到货时拿到；库存已有 3 件时 take(3) 立即返回",
      en="Exactly the amount in stock is enough: a customer waiting for 3 is served when 3 arrive; with 3 in stock "
         "take(3) returns at once")
def exact_amount(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("lone_customer"), 3, 3)
    check_served(t, run, run.result, {"X": 1.0})
    run = t.measure(t.scenario("ready_stock"), 3, 3)
    if not run.result["finished"]:
        t.fail("wrong-predicate",
               zh="Warehouse(3).take(3)：库存正好是 3 件，take(3) 过了 1 秒还在等（库存仍是 "
                  f"{run.result['stock']}）。库存等于要的数量就够了：条件是 stock >= amount。",
               en="Warehouse(3).take(3): with exactly 3 in stock, take(3) was still waiting 1 s later (the stock was "
                  f"still {run.result['stock']}). Exactly the amount is enough: the condition is stock >= amount.")
    t.equal((run.result["got"], run.result["stock"]), (3, 0))


@test("ready-stock", zh="库存已够时 take() 立即返回，不等待", en="take() returns at once when the stock is already there")
def ready_stock(t):
    t.function("Warehouse")
    run = t.measure(t.scenario("ready_stock"), 5, 3)
    if not run.result["finished"]:
        t.fail("timing",
               zh=f"Warehouse(5).take(3)：库存已经有 5 件，take(3) 过了 1 秒还没有返回（库存 {run.result['stock']}）。"
                  "库存已经够时，take 要直接取货返回，不用等任何补货。",
               en=f"Warehouse(5).take(3): with 5 already in stock, take(3) had not returned 1 s later (stock "
                  f"{run.result['stock']}). When the stock is already enough, take must take and return without waiting "
                  "for a restock.")
    t.equal((run.result["got"], run.result["stock"]), (3, 2))
    t.about(run, 0)


@test("program", zh="作为程序运行：B、C、A 依次拿到货，共 3 秒", en="Run as a program: B, C, then A are served; 3 s in total")
def program(t):
    run = t.run_program()
    t.all_awaited(run)
    t.order(run, ["restock +2", "B got 2", "restock +3", "C got 3", "restock +5", "A got 5"])
    t.about(run, 3)
