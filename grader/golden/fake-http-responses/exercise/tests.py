from awaitable.testing import test


@test("retries", zh="503 后重试，直到成功", en="Retries after a 503 until it succeeds")
def retries(t):
    run = t.measure(t.function("main", coroutine=True))
    t.equal(run.result, {"flaky": {"ok": True}, "attempts": 3, "once-down": {"n": 1}})
    # flaky: 0.1 + 0.5 (backoff) + 0.2 + 0.5 + 0.5; then requests: 0.1 + 0.3
    t.about(run, 2.2)


@test("fresh-per-run", zh="每次运行都从第一个应答开始", en="Every run starts again at the first answer")
def fresh_per_run(t):
    run = t.run_program()
    t.printed(run, "attempts: 3")
    t.printed(run, "503 busy")
    t.about(run, 2.2)
