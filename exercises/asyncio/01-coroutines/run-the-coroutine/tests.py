from awaitable.testing import test, Failure


@test("program", zh="作为程序运行：先打印 Hello，1 秒后打印 结果: World",
      en="Run as a program: prints Hello, then 结果: World after 1 s", weight=2)
def program(t):
    run = t.run_program()
    t.all_awaited(run)
    if "Hello" not in run.stdout and "结果" not in run.stdout:
        raise Failure({
            "zh": "程序运行后什么也没打印：main() 没有交给事件循环运行（没有调用它，或者只是调用得到了一个协程对象）。"
                  "在程序入口写 asyncio.run(main())。",
            "en": "The program printed nothing: main() was never handed to an event loop (it was not called, or "
                  "calling it only produced a coroutine object). Write asyncio.run(main()) at the entry point.",
        }, "never-awaited")
    t.order(run, ["Hello", "结果: World"])
    printed = {}
    for event in run.events:
        if event["kind"] == "output" and event.get("stream") == "stdout":
            for line in event["text"].splitlines():
                printed.setdefault(line.strip(), event["t"])
    hello_at, result_at = printed.get("Hello"), printed.get("结果: World")
    if hello_at is not None and result_at is not None and abs(result_at - hello_at - 1) > 0.01:
        t.fail("timing",
               zh=f"Hello 在 {hello_at:g} 秒时打印，结果: World 在 {result_at:g} 秒时打印：两者应相隔约 1 秒"
                  "（hello() 里的 asyncio.sleep(1)）。保持 hello() 不变，用 await 等它完成再打印结果。",
               en=f"Hello was printed at {hello_at:g} s and 结果: World at {result_at:g} s: they should be about 1 s apart "
                  "(hello()'s asyncio.sleep(1)). Keep hello() as it is, and await it before printing the result.")
    if run.lines.count("Hello") > 1:
        check_once(t, run)
    t.about(run, 1)


@test("main-returns", zh="main() 返回 hello() 的返回值 'World'", en="main() returns hello()'s return value 'World'")
def main_returns(t):
    run = t.measure(t.function("main", coroutine=True))
    t.equal(run.result, "World")
    t.printed(run, "结果: World")


@test("once", zh="整个程序只运行一次 main()，hello() 的函数体只执行一次",
      en="The program runs main() once, and hello()'s body runs once")
def once(t):
    run = t.run_program()
    t.all_awaited(run)
    check_once(t, run)


def check_once(t, run):
    """hello()'s body ran exactly once in the run, told apart by how many times main() ran."""
    count = run.lines.count("Hello")
    if count == 1:
        return
    if count == 0:
        t.fail("output",
               zh="Hello 一次也没有打印：hello() 的函数体从未运行。main() 要 await hello()，程序入口要用 asyncio.run(main()) 启动 main。",
               en="Hello was never printed: hello()'s body never ran. main() has to await hello(), and the entry point has "
                  "to start main with asyncio.run(main()).")
    mains = [task for task in run.tasks if task["parent"] is None]
    if len(mains) > 1:
        t.fail("output",
               zh=f"Hello 被打印了 {count} 次，应该只有 1 次：运行记录显示 main() 运行了 {len(mains)} 次。"
                  "整个程序只需要一个事件循环、一次 asyncio.run(main())。",
               en=f"Hello was printed {count} times instead of once: the trace shows main() ran {len(mains)} times. A "
                  "program needs one event loop and one asyncio.run(main()).")
    t.fail("ran-twice",
           zh=f"Hello 被打印了 {count} 次，应该只有 1 次：main() 只运行了一次，但在里面 await 了 hello() {count} 次，"
              "每次 await 一个新的 hello() 都会把函数体从头再运行一遍。只 await 一次，把结果存进变量，打印和返回都用它。",
           en=f"Hello was printed {count} times instead of once: main() ran once but awaited hello() {count} times inside, "
              "and each new hello() awaited runs its body again from the start. Await it once, keep the result in a "
              "variable, and use that to print and to return.")
