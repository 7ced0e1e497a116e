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
    count = run.lines.count("Hello")
    if count != 1:
        raise Failure({
            "zh": f"Hello 被打印了 {count} 次，应该只有 1 次：整个程序只需要一个事件循环、一次 asyncio.run(main())。",
            "en": f"Hello was printed {count} times instead of once: a program needs one event loop and one "
                  "asyncio.run(main()).",
        }, "output")
