from awaitable.testing import Failure, test

# Deposits and withdrawals on one account (balance 30) at once, with uneven database times: (read, write) seconds,
# taken in turn by each database operation.
MIXED_START = 30
MIXED = [["withdraw", 20], ["deposit", 10], ["withdraw", 20], ["withdraw", 20], ["deposit", 30], ["withdraw", 10],
         ["withdraw", 20], ["deposit", 10], ["withdraw", 20]]
LATENCIES = [[0.07, 0.13], [0.04, 0.11], [0.09, 0.05], [0.12, 0.06]]


def describe(entry):
    """(zh, en) for one logged database operation."""
    span = f"{entry['start']:g}–{entry['end']:g}"
    if entry["op"] == "read":
        return (f"{entry['call']} 在读余额（{span} 秒，读到 {entry['value']}）",
                f"{entry['call']} was reading the balance ({span} s, it read {entry['value']})")
    return (f"{entry['call']} 在写回 {entry['value']}（{span} 秒）",
            f"{entry['call']} was writing {entry['value']} back ({span} s)")


def overlaps(log):
    """The pairs of database operations of two different calls that were in progress at the same time."""
    found = []
    for index, first in enumerate(log):
        for second in log[index + 1:]:
            if first["call"] != second["call"] and first["start"] < second["end"] and second["start"] < first["end"]:
                found.append(tuple(sorted((first, second), key=lambda entry: (entry["start"], entry["call"]))))
    return sorted(found, key=lambda pair: (max(pair[0]["start"], pair[1]["start"]), pair[0]["call"]))


def seen_overlap(log):
    """(zh, en) naming the first overlap of the log, or empty strings."""
    pairs = overlaps(log)
    if not pairs:
        return "", ""
    first, second = (describe(entry) for entry in pairs[0])
    return (f"运行记录里，{first[0]}的同时，{second[0]}。",
            f"The log shows that while {first[1]}, {second[1]}. ")


def lost_updates(zh_what, en_what, expected, got, log, expected_en=None):
    zh_seen, en_seen = seen_overlap(log)
    return Failure({
        "zh": f"{zh_what}：期望 {expected}，实际 {got}。{zh_seen}这是竞态条件：一个协程读到余额后在 await 处让出控制权，"
              "别的协程在它写回之前也读到了旧余额，于是有的更新被覆盖了。用 asyncio.Lock 把整个\"读-改-写\"包起来"
              "（async with account.lock:）。",
        "en": f"{en_what}: expected {expected_en or expected}, got {got}. {en_seen}This is a race condition: a coroutine "
              "reads the balance, gives up control at an await, and another coroutine reads the old balance before the "
              "first writes back, so updates are overwritten. Wrap the whole read-modify-write in an asyncio.Lock "
              "(async with account.lock:).",
    }, "unbounded-concurrency")


def overdrawn(t, successes, balance, log):
    zh_seen, en_seen = seen_overlap(log)
    t.fail("check-then-act",
           zh=f"账户被透支了：{successes} 次取款成功，最后余额是 {balance}。{zh_seen}有的取款在判断\"余额够不够\"时，"
              "用的不是在锁里刚读到的余额：判断和扣款之间别的取款插了进来。检查余额和扣款必须在同一次 "
              "async with account.lock: 里完成——先在锁里 read_balance，再判断，再 write_balance。",
           en=f"The account was overdrawn: {successes} withdrawals succeeded and the balance ended at {balance}. "
              f"{en_seen}Some withdrawals decided whether there was enough money from a balance they had not just read "
              "under the lock, and other withdrawals slipped in between the check and the write. Checking and taking "
              "the money must happen under one async with account.lock: — read_balance inside it, then check, then "
              "write_balance.")


@test("deposits", zh="10 个并发的 deposit(account, 10)：余额正好是 100", en="10 concurrent deposit(account, 10): the balance is exactly 100",
      weight=2)
def deposits(t):
    t.function("Account")
    t.function("deposit")
    run = t.measure(t.scenario("deposits"), 10, 10)
    balance = run.result["balance"]
    if balance != 100 and isinstance(balance, int) and 0 < balance < 100:
        raise lost_updates("10 次存款后的余额", "The balance after 10 deposits", 100, balance, run.result["log"])
    t.equal(balance, 100)


@test("exclusive", zh="同一账户的读-改-写一次只有一个在进行（同一时刻最多 1 个数据库操作）",
      en="On one account only one read-modify-write runs at a time (at most 1 database operation at once)", weight=2)
def exclusive(t):
    t.function("Account")
    t.function("deposit")
    run = t.measure(t.scenario("deposits"), 10, 10)
    pairs = overlaps(run.result["log"])
    if pairs or run.peak_in_flight > 1:
        zh_seen, en_seen = seen_overlap(run.result["log"])
        raise Failure({
            "zh": f"同一个账户上同时有不止一个数据库操作在进行（同一时刻最多 {run.peak_in_flight} 个）。{zh_seen}"
                  "每次 deposit 的读和写都必须在这个账户唯一的那把 asyncio.Lock 里（async with account.lock:），"
                  "所有调用共用这一把锁。",
            "en": f"More than one database operation was in progress on the same account at once (up to "
                  f"{run.peak_in_flight}). {en_seen}Both the read and the write of every deposit must be inside the "
                  "account's one asyncio.Lock (async with account.lock:), shared by every call.",
        }, "unbounded-concurrency")
    t.about(run, 2.0)


@test("withdraw", zh="余额 100 时 15 个并发的 withdraw(account, 10)：10 个成功、5 个失败，余额 0，从不透支",
      en="With 100 in the account, 15 concurrent withdraw(account, 10): 10 succeed, 5 fail, balance 0, never overdrawn",
      weight=2)
def withdraw(t):
    t.function("Account")
    t.function("withdraw")
    run = t.measure(t.scenario("withdrawals"), 100, 15, 10)
    outcomes, balance, log = run.result["outcomes"], run.result["balance"], run.result["log"]
    successes = outcomes.count(True)
    if isinstance(balance, int) and balance < 0:
        overdrawn(t, successes, balance, log)
    if successes > 10:
        raise lost_updates(f"{successes} 次取款成功、最终余额 {balance}",
                           f"{successes} withdrawals succeeded, final balance {balance}",
                           "10 次成功、余额 0", f"{successes}, {balance}", log, "10 successes, balance 0")
    t.equal((successes, outcomes.count(False), balance), (10, 5, 0))


@test("mixed", zh="同一账户上存款和取款同时进行（数据库耗时不均）：余额对得上、从不透支，存款和取款也互相排队",
      en="Deposits and withdrawals on one account at once (uneven database times): the balance adds up, is never "
         "overdrawn, and deposits and withdrawals queue up for each other too", weight=2)
def mixed(t):
    t.function("Account")
    t.function("deposit")
    t.function("withdraw")
    run = t.measure(t.scenario("mixed"), MIXED_START, MIXED, LATENCIES)
    outcomes, balance, log = run.result["outcomes"], run.result["balance"], run.result["log"]
    taken = [amount for (name, amount), outcome in zip(MIXED, outcomes) if name == "withdraw" and outcome is True]
    deposited = sum(amount for name, amount in MIXED if name == "deposit")
    expected = MIXED_START + deposited - sum(taken)
    if isinstance(balance, int) and (balance < 0 or any(entry["op"] == "write" and entry["value"] < 0 for entry in log)):
        overdrawn(t, len(taken), min([balance] + [entry["value"] for entry in log if entry["op"] == "write"]), log)
    pairs = overlaps(log)
    kinds = {tuple(sorted(entry["call"].split(" ")[0] for entry in pair)) for pair in pairs}
    if pairs and kinds == {("deposit", "withdraw")}:
        zh_seen, en_seen = seen_overlap(log)
        alone = [t.measure(t.scenario("deposits"), 10, 10), t.measure(t.scenario("withdrawals"), 100, 15, 10)]
        if not any(overlaps(other.result["log"]) for other in alone):
            t.fail("lock-per-operation",
                   zh=f"{zh_seen}单独运行时，10 个并发的存款从不重叠，15 个并发的取款也从不重叠；可存款和取款一起运行时，"
                      "它们同时在改同一个账户：存款和取款用的不是同一把锁。一个账户只能有一把锁，deposit 和 withdraw "
                      "都要用它（async with account.lock:）。",
                   en=f"{en_seen}On their own, 10 concurrent deposits never overlapped, nor did 15 concurrent "
                      "withdrawals; yet run together, a deposit and a withdrawal changed the same account at the same "
                      "time: deposits and withdrawals do not take the same lock. An account has one lock, and deposit "
                      "and withdraw must both take it (async with account.lock:).")
    if balance != expected:
        if sum(taken) > MIXED_START + deposited:
            raise lost_updates(
                f"成功的取款一共取走了 {sum(taken)}，可账户里总共只有过 {MIXED_START + deposited}"
                f"（{MIXED_START} 加上存入的 {deposited}），最后余额却是 {balance}",
                f"The withdrawals that succeeded took {sum(taken)} in all, but only {MIXED_START + deposited} was ever "
                f"in the account ({MIXED_START} plus {deposited} deposited), and the balance ended at {balance}",
                f"成功取款不超过 {MIXED_START + deposited}", f"{sum(taken)}", log,
                f"at most {MIXED_START + deposited} withdrawn")
        raise lost_updates(f"从 {MIXED_START} 开始，存入 {deposited}、成功取出 {sum(taken)} 之后的余额",
                           f"The balance after starting at {MIXED_START}, depositing {deposited} and successfully "
                           f"withdrawing {sum(taken)}", expected, balance, log)
    if pairs:
        zh_seen, en_seen = seen_overlap(log)
        t.fail("unbounded-concurrency",
               zh=f"同一个账户上有两个调用同时在读写数据库。{zh_seen}每次 deposit 和 withdraw 的整个读-改-写都要在账户那把锁里。",
               en=f"Two calls were at the database for the same account at the same time. {en_seen}The whole "
                  "read-modify-write of every deposit and withdraw must be inside the account's lock.")
    t.max_in_flight(run, 1)
    if not taken:
        t.fail("withdraw-result",
               zh=f"没有一次取款返回 True（返回值：{outcomes}）：最先轮到的那次取款至少能看到 {MIXED_START}，够取 20。",
               en=f"No withdrawal returned True (results: {outcomes}): whichever withdrawal went first saw at least "
                  f"{MIXED_START}, enough for 20.")


@test("per-account", zh="锁是每个账户一把：向两个不同账户同时存款互不等待（约 0.2 秒）",
      en="One lock per account: deposits to two different accounts do not wait for each other (about 0.2 s)")
def per_account(t):
    t.function("Account")
    t.function("deposit")
    run = t.measure(t.scenario("two_accounts"))
    t.equal(run.result, (10, 20))
    if abs(run.elapsed - 0.4) < 0.01:
        raise Failure({
            "zh": "两个不同账户的存款也排了队（0.4 秒）：所有账户共用了一把锁。锁只需要保护同一个账户的余额，"
                  "把锁放在 Account 里（self.lock = asyncio.Lock()）。",
            "en": "Deposits to two different accounts queued up too (0.4 s): every account shares one lock. The lock "
                  "only has to protect one account's balance: keep it in the Account (self.lock = asyncio.Lock()).",
        }, "sequential")
    t.about(run, 0.2)
