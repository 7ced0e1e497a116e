from awaitable.testing import test


@test("three-seconds", zh="两件家务同时进行：总耗时 3 秒，不是 5 秒", en="Both chores at once: 3 s in total, not 5 s", weight=2)
def three_seconds(t):
    run = t.run_program()
    t.about(run, 3, sequential=5)


@test("overlap", zh="洗碗和煮饭在时间上重叠", en="Washing and cooking overlap in time")
def overlap(t):
    run = t.run_program()
    t.overlapped(run, "wash_dishes", "cook_rice")


@test("order", zh="输出顺序：两件事先都开始，碗先洗完，饭后煮好", en="Output order: both start, then the dishes finish, then the rice")
def order(t):
    run = t.run_program()
    t.order(run, ["开始洗碗，要2秒", "开始煮饭，要3秒", "碗洗完了", "饭煮好了"])


@test("no-blocking", zh="没有用 time.sleep 阻塞事件循环", en="The event loop is never blocked by time.sleep")
def no_blocking(t):
    run = t.run_program()
    t.all_awaited(run)
    t.no_blocking(run)
