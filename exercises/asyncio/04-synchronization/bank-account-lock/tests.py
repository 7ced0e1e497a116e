from awaitable.testing import Failure, test


def lost_updates(zh_what, en_what, expected, got, expected_en=None):
    return Failure({
        "zh": f"{zh_what}：期望 {expected}，实际 {got}。这是竞态条件：一个协程读到余额后在 await 处让出控制权，"
              "别的协程在它写回之前也读到了旧余额，于是有的更新被覆盖了。用 asyncio.Lock 把整个\"读-改-写\"包起来"
              "（async with account.lock:）。",
        "en": f"{en_what}: expected {expected_en or expected}, got {got}. This is a race condition: a coroutine reads the balance, "
              "gives up control at an await, and another coroutine reads the old balance before the first writes "
              "back, so updates are overwritten. Wrap the whole read-modify-write in an asyncio.Lock "
              "(async with account.lock:).",
    }, "unbounded-concurrency")


@test("deposits", zh="10 个并发的 deposit(account, 10)：余额正好是 100", en="10 concurrent deposit(account, 10): the balance is exactly 100",
      weight=2)
def deposits(t):
    t.function("Account")
    t.function("deposit", coroutine=True)
    run = t.measure(t.scenario("deposits"), 10, 10)
    if run.result != 100 and isinstance(run.result, int) and 0 < run.result < 100:
        raise lost_updates("10 次存款后的余额", "The balance after 10 deposits", 100, run.result)
    t.equal(run.result, 100)


@test("exclusive", zh="同一账户的读-改-写一次只有一个在进行（同一时刻最多 1 个数据库操作）",
      en="On one account only one read-modify-write runs at a time (at most 1 database operation at once)", weight=2)
def exclusive(t):
    t.function("Account")
    t.function("deposit", coroutine=True)
    run = t.measure(t.scenario("deposits"), 10, 10)
    if run.peak_in_flight > 1:
        raise Failure({
            "zh": f"同一个账户上同时有 {run.peak_in_flight} 个数据库操作在进行：读-改-写没有被锁保护"
                  "（或者每次都用了一把新锁）。所有 deposit 必须共用这个账户的同一把 asyncio.Lock。",
            "en": f"{run.peak_in_flight} database operations were in flight at once on the same account: the "
                  "read-modify-write is not protected (or each call used a new lock). Every deposit must share the "
                  "account's one asyncio.Lock.",
        }, "unbounded-concurrency")
    t.about(run, 2.0)


@test("withdraw", zh="余额 100 时 15 个并发的 withdraw(account, 10)：10 个成功、5 个失败，余额 0，从不透支",
      en="With 100 in the account, 15 concurrent withdraw(account, 10): 10 succeed, 5 fail, balance 0, never overdrawn",
      weight=2)
def withdraw(t):
    t.function("Account")
    t.function("withdraw", coroutine=True)
    run = t.measure(t.scenario("withdrawals"), 100, 15, 10)
    outcomes, balance = run.result
    if outcomes.count(True) > 10:
        raise lost_updates(f"{outcomes.count(True)} 次取款成功、最终余额 {balance}",
                           f"{outcomes.count(True)} withdrawals succeeded, final balance {balance}",
                           "10 次成功、余额 0", f"{outcomes.count(True)}, {balance}", "10 successes, balance 0")
    t.equal((outcomes.count(True), outcomes.count(False), balance), (10, 5, 0))


@test("per-account", zh="锁是每个账户一把：向两个不同账户同时存款互不等待（约 0.2 秒）",
      en="One lock per account: deposits to two different accounts do not wait for each other (about 0.2 s)")
def per_account(t):
    t.function("Account")
    t.function("deposit", coroutine=True)
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
