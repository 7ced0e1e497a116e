"""The student's process: runs the judge's commands on the submission.

    serve(fd)   hello -> runtime installed, guard installed, submission
                compiled, scenarios loaded -> ready; then, for every run
                command, the runs and their ends, until the judge says exit.

A run executes the submission as a module (``__main__`` for a program,
``submission`` when the tests call into it) on a fresh clock, reports the
end of that phase with the module's inventory (which names it defines, and
what they are), and then, when the command names a function or a scenario,
calls it on another fresh clock and reports that phase's end with the value
it returned. Values, errors and inventories go to the judge as plain data,
made by the guard. Nothing here decides anything: the judge does.

This module is not reachable from the student's code: nothing the student can
touch refers to it (it is removed from ``sys.modules`` before the student's
code runs), and its frames are reachable only through the introspection the
guard refuses.
"""

from __future__ import annotations

import asyncio
import builtins
import functools
import gc
import inspect
import linecache
import os
import sys
import traceback
import types
import weakref

from .. import protocol
from ..contract import EXIT_CODES, PROTOCOL_VERSION
from . import calibration, fakeio, guard, port, processes, versions
from . import install as installer
from .clock import Stall, scheduler
from .threads import student_threads

SCENARIOS_FILE = "scenarios.py"
# Top-level names of the modules the student's code must not find in sys.modules.
_UNLISTED = frozenset({"awaitable", "zygote", "ctypes", "_ctypes", "seccomp", "seccomp_filter"})

CO_COROUTINE = inspect.CO_COROUTINE
CO_GENERATOR = inspect.CO_GENERATOR
CO_ASYNC_GENERATOR = inspect.CO_ASYNC_GENERATOR
_function_code = types.FunctionType.__dict__["__code__"].__get__
_audit = sys.audit

# Names the tests may look up in the submission, at most.
INVENTORY_NAMES = 400


class Submission:
    def __init__(self, name: str, source: str) -> None:
        self.name = name
        self.source = source
        self.code = None
        linecache.cache[name] = (len(source), None, source.splitlines(True), name)

    def compile(self) -> dict | None:
        """The syntax error, or None."""
        try:
            self.code = compile(self.source, self.name, "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as error:
            lines = self.source.splitlines(True)
            if isinstance(error, SyntaxError) and error.text is None and isinstance(error.lineno, int) \
                    and 1 <= error.lineno <= len(lines):
                # Errors of the compiler's later passes ("'await' outside async
                # function") carry no source text: show the line, as python3 file.py does.
                error.text = lines[error.lineno - 1]
            return {
                "type": type(error).__name__,
                "message": str(getattr(error, "msg", error)),
                "line": getattr(error, "lineno", None) if isinstance(getattr(error, "lineno", None), int) else None,
                "column": getattr(error, "offset", None) if isinstance(getattr(error, "offset", None), int) else None,
                "traceback": "".join(traceback.format_exception_only(type(error), error)),
            }
        return None


# ----- what the guard is told ------------------------------------------------------------------

def _collect_codes(code: types.CodeType, into: set) -> None:
    if id(code) in into:
        return
    into.add(id(code))
    for constant in code.co_consts:
        if isinstance(constant, types.CodeType):
            _collect_codes(constant, into)


def _collect_object(value, into: set, seen: set) -> None:
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    if isinstance(value, types.MethodType):
        value = value.__func__
    if isinstance(value, functools.partial):
        _collect_object(value.func, into, seen)
        return
    if isinstance(value, property):
        for accessor in (value.fget, value.fset, value.fdel):
            if accessor is not None:
                _collect_object(accessor, into, seen)
        return
    if isinstance(value, types.FunctionType):
        _collect_codes(value.__code__, into)
        return
    if isinstance(value, type):
        for inner in list(vars(value).values()):
            _collect_object(inner, into, seen)


def module_codes(modules) -> frozenset:
    """Ids of every code object the modules' functions and classes hold."""
    into: set = set()
    seen: set = set()
    for module in modules:
        for value in list(vars(module).values()):
            if isinstance(value, type) and getattr(value, "__module__", None) != module.__name__:
                continue
            _collect_object(value, into, seen)
    return frozenset(into)


def _stack_codes() -> set:
    codes = set()
    frame = sys._getframe()
    while frame is not None:
        codes.add(id(frame.f_code))
        frame = frame.f_back
    return codes


_STDLIB = os.path.dirname(os.__file__) + os.sep
_prepared: dict = {}


def prepare(host_modules=()) -> None:
    """What the guard needs that the zygote can compute once for every run:
    the ids of the runtime's code (trusted), of the standard library's, and
    of the standard-library functions that hand frames to their callers;
    and asyncio's own coroutine functions, which the trace leaves out."""
    from .trace import _collect_asyncio_coroutines
    _collect_asyncio_coroutines()
    runtime, stdlib = [], []
    for name, module in list(sys.modules.items()):
        if module is None:
            continue
        if name == "awaitable" or name.startswith("awaitable."):
            runtime.append(module)
            continue
        filename = getattr(module, "__file__", None)
        if filename is None or (isinstance(filename, str) and filename.startswith(_STDLIB)):
            stdlib.append(module)
    trusted = set(module_codes(list(runtime) + list(host_modules)))
    trusted |= _stack_codes()
    import logging
    import traceback as traceback_module
    import asyncio.base_tasks as base_tasks
    exposers = {inspect.currentframe, inspect.stack, inspect.trace, inspect.getouterframes,
                inspect.getinnerframes, traceback_module.walk_stack, traceback_module.walk_tb,
                logging.currentframe, base_tasks._task_get_stack}
    _prepared["trusted"] = frozenset(trusted)
    _prepared["stdlib"] = module_codes(stdlib) - _prepared["trusted"]
    _prepared["exposers"] = frozenset(id(function.__code__) for function in exposers)
    installer.register_fakes()
    _remember_modules()


# Module globals of the runtime that it rebinds itself after the snapshot.
_REBOUND = frozenset({"_forked"})


_HOT_MODULES = frozenset({"asyncio", "asyncio.tasks", "asyncio.events", "asyncio.futures", "asyncio.base_events",
                          "time", "builtins", "aiohttp", "requests", "aiofiles"})
_HOT_CLASSES = frozenset({"BaseEventLoop", "BaseSelectorEventLoop", "_UnixSelectorEventLoop", "VirtualEventLoop",
                          "VirtualSelector", "Handle", "TimerHandle", "SequencedTimerHandle", "Thread", "Condition"})
_WATCHED_PREFIXES = ("asyncio", "concurrent", "threading", "queue", "selectors", "heapq", "contextvars", "time",
                     "builtins", "warnings", "functools", "aiohttp", "requests", "aiofiles", "awaitable.runtime")
_DESCRIPTORS = (property, staticmethod, classmethod)


def _watchable(value) -> bool:
    return callable(value) or isinstance(value, _DESCRIPTORS)


def _scan_class(public: str, name: str, cls) -> tuple[str, list]:
    """What is watched in a class: its label's prefix, and (name, hot) of its members."""
    is_hot = name in _HOT_CLASSES
    return f"{public}.{name}.", [(attribute, is_hot) for attribute, member in list(vars(cls).items())
                                 if _watchable(member)]


def _public(module_name: str) -> str:
    return module_name.replace("awaitable.runtime.fakeio.", "").replace("awaitable.runtime.", "awaitable:")


def _scan_module(module_name: str, module) -> tuple[str, list, list]:
    """What is watched in one module: its label's prefix, (name, hot) of its
    own names, and the classes it defines, as (public module name, name, class)."""
    public = _public(module_name)
    runtime_module = module_name.startswith("awaitable")
    module_hot = module_name in _HOT_MODULES
    own: list = []
    classes: list = []
    for name, value in list(vars(module).items()):
        if name.startswith("__"):
            continue
        if not _watchable(value):
            # The runtime's settings and singletons (its CPU unit, its
            # thresholds, its recorder and clock) stay bound as they are.
            if runtime_module and name not in _REBOUND:
                own.append((name, True))
            continue
        own.append((name, module_hot))
        if isinstance(value, type) and getattr(value, "__module__", "") == module_name:
            classes.append((public, name, value))
    return f"{public}.", own, classes


def _groups(namespace, prefix: str | None, entries: list) -> tuple[tuple, tuple | None]:
    """The guard's view of one namespace: (get, names, values, prefix) of
    every watched name, and of the hot ones (None if none is). A name's
    label, said only when it is reported, is the prefix and the name (in
    sys.modules, prefix None: ``sys.modules['name']``)."""
    get = namespace.get
    missing = object()
    watched: tuple[list, list] = ([], [])
    hot: tuple[list, list] = ([], [])
    for name, is_hot in entries:
        value = get(name, missing)
        if value is missing:
            continue
        watched[0].append(name)
        watched[1].append(value)
        if is_hot:
            hot[0].append(name)
            hot[1].append(value)

    def group(lists):
        return (get, tuple(lists[0]), tuple(lists[1]), prefix)
    return group(watched), (group(hot) if hot[0] else None)


def _watched_modules():
    return [(name, module) for name, module in list(sys.modules.items())
            if module is not None and name.startswith(_WATCHED_PREFIXES)]


def _take_snapshot(modules: list) -> dict:
    """What the runtime and the scenarios rely on in these modules and the
    classes they define, namespace by namespace (an *owner*: a module or a
    class): the view of its version (versions.py), and its groups (_groups)."""
    owners: list = []
    scans: list = []
    pairs: list = []
    for module_name, module in modules:
        prefix, entries, classes = _scan_module(module_name, module)
        owners.append(module)
        scans.append((module_name,))
        pairs.append(_groups(vars(module), prefix, entries))
        for public, name, cls in classes:
            owners.append(cls)
            scans.append((public, name))
            pairs.append(_groups(vars(cls), *_scan_class(public, name, cls)))
    # What each check reads (the views, the versions, the pairs) is allocated
    # together: reading it touches a few pages, not one per namespace.
    return _snapshot_of(modules, versions.current(versions.view(sys.modules)), tuple(owners), tuple(scans),
                        frozenset(id(owner) for owner in owners), (), (),
                        tuple([versions.view(vars(owner)) for owner in owners]),
                        tuple([(watched, hot) for watched, hot in pairs]))


def _snapshot_of(modules: list, modules_version, owners: tuple, scans: tuple, owner_ids: frozenset,
                 extra_owners: tuple, extra_scans: tuple, views: tuple, pairs: tuple) -> dict:
    """A snapshot, its versions read now (nothing may change between its
    scan and this)."""
    return {
        "modules": modules, "modulesVersion": modules_version,
        "owners": owners, "scans": scans, "ownerIds": owner_ids,
        "extraOwners": extra_owners, "extraScans": extra_scans,
        "views": views, "versions": tuple([versions.current(view) for view in views]), "pairs": pairs,
    }


def _refresh(snapshot: dict) -> dict:
    """The snapshot as it is now: the namespaces whose version changed since
    are read again (and the classes a changed module now defines are added),
    the others kept as they were, untouched (the whole of it is taken again
    if a module was imported)."""
    if (not versions.AVAILABLE or snapshot["modulesVersion"] is None
            or versions.current(versions.view(sys.modules)) != snapshot["modulesVersion"]):
        return _take_snapshot(_watched_modules())
    before = snapshot["versions"]
    views = snapshot["views"]
    # (A namespace without a view is read again every time.)
    now = tuple(object() if view is None else versions.read(view) for view in views)
    if now == before:
        return snapshot
    owners, scans, base = snapshot["owners"], snapshot["scans"], len(snapshot["owners"])
    extra_owners, extra_scans = list(snapshot["extraOwners"]), list(snapshot["extraScans"])
    known = set(snapshot["ownerIds"])
    added_views: list = []
    added_pairs: list = []
    replaced: dict = {}
    for index in [index for index in range(len(before)) if now[index] != before[index]]:
        owner = owners[index] if index < base else extra_owners[index - base]
        scan = scans[index] if index < base else extra_scans[index - base]
        if len(scan) == 1:  # a module: (its name,)
            prefix, entries, classes = _scan_module(scan[0], owner)
            for public, name, cls in classes:
                if id(cls) not in known:
                    known.add(id(cls))
                    extra_owners.append(cls)
                    extra_scans.append((public, name))
                    added_pairs.append(_groups(vars(cls), *_scan_class(public, name, cls)))
                    added_views.append(versions.view(vars(cls)))
        else:  # a class: (its module's public name, its name)
            prefix, entries = _scan_class(scan[0], scan[1], owner)
        replaced[index] = _groups(vars(owner), prefix, entries)
    pairs = tuple([replaced.get(index, pair) for index, pair in enumerate(snapshot["pairs"])]) + tuple(added_pairs)
    return _snapshot_of(snapshot["modules"], snapshot["modulesVersion"], owners, scans, frozenset(known),
                        tuple(extra_owners), tuple(extra_scans), views + tuple(added_views), pairs)


def _final(snapshot: dict) -> tuple:
    """For the guard, once the grader's own modules have left sys.modules
    (_unlist): the views, the versions and the pairs, with sys.modules
    itself (the watched modules' entries) last."""
    entries = [(module_name, module_name in _HOT_MODULES)
               for module_name, _ in snapshot["modules"] if not module_name.startswith("awaitable")]
    view = versions.view(sys.modules)
    pair = _groups(sys.modules, None, entries)
    return (snapshot["views"] + (view,), snapshot["versions"] + (versions.current(view),),
            snapshot["pairs"] + (pair,))


# What the zygote saw (prepare()): each student's host starts from it and
# reads again only what the runtime's installation changed.
_zygote_snapshot: dict = {}


def _unlist() -> None:
    """The grader's own modules, and ctypes (which the zygote used to set up
    the sandbox), leave sys.modules: importing them again goes through the
    import system, whose audit event the guard refuses (an import of a
    module already in sys.modules raises no event at all)."""
    for name in [name for name in sys.modules if name.split(".", 1)[0] in _UNLISTED]:
        del sys.modules[name]


def _remember_modules() -> None:
    _zygote_snapshot.update(_take_snapshot(_watched_modules()))


# ----- messages -------------------------------------------------------------------------------

def _ready(syntax: dict | None) -> None:
    _audit("awaitable.send", "ready", {"syntax": syntax, "python": ".".join(map(str, sys.version_info[:3])),
                                       "protocol": PROTOCOL_VERSION, "e": []}, None)


def _end(payload: dict) -> None:
    recorder = installer.recorder
    payload["quietWork"] = round(recorder.quiet_work)
    payload["blockingWork"] = None if recorder.blocking_work is None else round(recorder.blocking_work)
    payload["e"] = installer.recorder.take_events()
    installer.streams.flush()
    _audit("awaitable.send", "end", payload, None)


# ----- running ----------------------------------------------------------------------------------

# The modules executed so far, by name, weakly: a later call registers them
# again while it runs, so that pickle finds the student's functions by
# reference (a process pool sends them to its workers that way). Weakly, so a
# module stays collectable (a coroutine never awaited at its top level is
# reported when it is collected).
_executed: dict[str, "weakref.ref[types.ModuleType]"] = {}


def _finish_threads() -> None:
    # As at interpreter shutdown: the program ends when its non-daemon
    # threads have ended (on the virtual clock).
    for thread in student_threads():
        if thread.is_alive():
            thread.join()


def _outcome(run, print_errors: bool = False) -> dict:
    """Runs ``run()``; its end as the judge reads it (the value stays a Python
    object: the guard turns it into plain data). ``print_errors``: print what
    ended it as the interpreter would, while the exception is alive (what it
    holds goes only after, as at the end of a real program)."""
    try:
        value = run()
        _finish_threads()
    except Stall as stall:
        return {"outcome": "stall", "stall": stall.reason}
    except SystemExit as exit_request:
        code = exit_request.code
        if not (code is None or type(code) is int or type(code) is str):
            code = type(code).__name__
        if print_errors and type(code) is str:
            _print_error(code + "\n")
        return {"outcome": "exit", "exit": code}
    except BaseException as error:  # the student's code may raise anything
        described = describe_error(error)
        if print_errors:
            _print_error(described["traceback"])
        return {"outcome": "raised", "error": described, "memory": isinstance(error, MemoryError)}
    return {"outcome": "returned", "value": value}


def _execute(submission: Submission, name: str, print_errors: bool = False):
    """Execute the submission as module ``name``."""
    namespace = {"__name__": name, "__file__": submission.name, "__builtins__": builtins,
                 "__doc__": None, "__package__": None, "__spec__": None, "__loader__": None}
    module = types.ModuleType(name)
    module.__dict__.update(namespace)
    saved = sys.modules.get(name)

    def run():
        # Registered under its name, so pickle finds the student's functions
        # by reference (a process pool sends them to its workers that way).
        sys.modules[name] = module
        _executed[name] = weakref.ref(module)
        exec(submission.code, module.__dict__)
        return None

    try:
        outcome = _outcome(run, print_errors)
    finally:
        if saved is not None:
            sys.modules[name] = saved
        else:
            sys.modules.pop(name, None)
    return outcome, module


def _discard(module) -> None:
    """The program is over: its module goes, as at interpreter exit, so that
    what it still held (a coroutine never awaited) is collected and reported
    in this run."""
    module.__dict__.clear()
    gc.collect()


def _kind(value) -> str:
    kind = type(value)
    if kind is types.FunctionType:
        flags = _function_code(value).co_flags
        if flags & CO_COROUTINE:
            return "coroutine-function"
        if flags & CO_ASYNC_GENERATOR:
            return "async-generator-function"
        if flags & CO_GENERATOR:
            return "generator-function"
        return "function"
    if issubclass(kind, type):
        return "class"
    if kind is types.ModuleType:
        return "module"
    if kind is types.BuiltinFunctionType or kind is functools.partial:
        return "function"
    return "value"


def _inventory(module) -> dict:
    names = {}
    for name, value in list(vars(module).items()):
        if type(name) is not str or name.startswith("__"):
            continue
        names[name[:200]] = _kind(value)
        if len(names) >= INVENTORY_NAMES:
            break
    return names


def _invoke(target, args, kwargs):
    if inspect.iscoroutinefunction(target):
        return asyncio.run(target(*args, **kwargs))
    if inspect.iscoroutine(target):
        return asyncio.run(target)
    result = target(*args, **kwargs)
    if inspect.iscoroutine(result):
        return asyncio.run(result)
    return result


def _modules_for(function) -> dict[str, types.ModuleType]:
    """The modules to register while ``function`` runs (see _executed): those
    executed so far that are still alive, and the function's own (a copy of
    its namespace) if it is not among them."""
    modules = {}
    for name, reference in _executed.items():
        module = reference()
        if module is not None and name not in sys.modules:
            modules[name] = module
    inner = function
    while isinstance(inner, functools.partial):
        inner = inner.func
    inner = getattr(inner, "__func__", inner)
    namespace = getattr(inner, "__globals__", None)
    name = namespace.get("__name__") if isinstance(namespace, dict) else None
    if isinstance(name, str) and name not in sys.modules and name not in modules:
        module = types.ModuleType(name)
        module.__dict__.update(namespace)
        modules[name] = module
    return modules


def _call(function, args, kwargs) -> dict:
    modules = _modules_for(function)
    try:
        sys.modules.update(modules)
        return _outcome(lambda: _invoke(function, args, kwargs))
    finally:
        for name in modules:
            sys.modules.pop(name, None)
        modules = None
        gc.collect()


def _filter_stack(exception: traceback.TracebackException) -> None:
    """Only the submission's own frames: what the learner wrote, not asyncio,
    the scenarios or the runtime (the judge trims the text again,
    judge/errors.py; this is what a program run prints on its stderr)."""
    kept = [frame for frame in exception.stack if frame.filename == _serving["submission"]]
    exception.stack = traceback.StackSummary.from_list(kept)
    if exception.__cause__ is not None:
        _filter_stack(exception.__cause__)
    if exception.__context__ is not None:
        _filter_stack(exception.__context__)
    for inner in exception.exceptions or ():
        _filter_stack(inner)


# What the student's process is serving (set in place: the module's
# namespace stays as the snapshot saw it, versions.py).
_serving = {"submission": "submission.py", "channel": 3}


def describe_error(error: BaseException) -> dict:
    try:
        details = traceback.TracebackException(type(error), error, error.__traceback__, compact=True)
        _filter_stack(details)
        text = "".join(details.format())
        line = None
        for frame in details.stack:
            if frame.filename == _serving["submission"]:
                line = frame.lineno
        message_text = "".join(traceback.format_exception_only(type(error), error)).strip()
    except BaseException:  # noqa: BLE001  a student's __str__ may raise anything
        text = f"{type(error).__name__}\n"
        message_text = type(error).__name__
        line = None
    kind = type(error)
    mro = [str(getattr(base, "__name__", "?")) for base in kind.__mro__[: kind.__mro__.index(BaseException) + 1]]
    return {"type": str(kind.__name__), "module": str(getattr(kind, "__module__", "")), "mro": mro,
            "message": str(message_text)[:4000], "line": line if type(line) is int else None,
            "traceback": str(text)[-32_000:]}


def _run(command: dict, submission: Submission, scenarios: dict, config: dict) -> None:
    target = command.get("target") or {}
    kind = target.get("kind")
    module_name = "__main__" if kind == "program" else "submission"
    installer.fresh_run(config)
    outcome, module = _execute(submission, module_name, print_errors=target.get("print") is True)
    outcome["phase"] = "module"
    outcome["inventory"] = _inventory(module)
    outcome.pop("value", None)
    calls = kind in ("call", "scenario") and outcome["outcome"] == "returned"
    if not calls:
        _discard(module)
    # The run's last end is checked against the whole snapshot; one the call
    # follows, against the hot part (the call's end then checks it all).
    outcome["last"] = not calls
    _end(outcome)
    if not calls:
        return
    # The judge says when the call may start: it has read all the module's
    # output by then, so none of the call's can be taken for the module's.
    go = protocol.read_command(_serving["channel"])
    if go is None or go.get("k") != "continue":
        os._exit(0)
    args = list(target.get("args") or [])
    kwargs = dict(target.get("kwargs") or {})
    name = str(target.get("name"))
    installer.fresh_run(config)
    if kind == "scenario":
        function = scenarios.get(name)
        if function is None:
            outcome = {"outcome": "raised", "error": {"type": "LookupError", "message": f"no scenario {name}",
                                                      "line": None, "traceback": ""}, "memory": False}
        else:
            outcome = _call(function, [module, *args], kwargs)
    else:
        try:
            function = getattr(module, name)
        except BaseException as error:  # noqa: BLE001  a module __getattr__ of the student's
            outcome = {"outcome": "raised", "error": describe_error(error), "memory": False}
        else:
            outcome = _call(function, args, kwargs)
    function = None
    _discard(module)
    outcome["phase"] = "call"
    _end(outcome)


def _print_error(text: str) -> None:
    try:
        sys.stderr.write(text)
        sys.stderr.flush()
    except Exception:  # noqa: BLE001  the program closed or replaced its stderr
        pass


def _load_scenarios(source: str | None) -> dict:
    if not source:
        return {}
    module = types.ModuleType("scenarios")
    module.__file__ = SCENARIOS_FILE
    # The scenarios' own files (made before, read after the student's code) take no time.
    module.open = fakeio.REAL_OPEN
    linecache.cache[SCENARIOS_FILE] = (len(source), None, source.splitlines(True), SCENARIOS_FILE)
    exec(compile(source, SCENARIOS_FILE, "exec", dont_inherit=True), module.__dict__)
    return {name: value for name, value in vars(module).items() if callable(value) and not name.startswith("_")}


# Set in the student's host by prepare_host(): what every student process forked from it starts with.
_host_ready: dict = {}


def prepare_armed_host(runtime: dict) -> None:
    """In an armed grading's student host, before its job exists: the part
    of the runtime that depends only on the clock and the CPU accounting
    (the slot's template), and the snapshot after it; the job's prepare then
    only completes them."""
    installer.install_base(str(runtime["clock"]), str(runtime["cpu"]))
    _host_ready["base"] = _refresh(_zygote_snapshot)


def prepare_host(message: dict) -> bool:
    """In the student's host, once, when the judge has read its job:
    ``prepare`` installs the runtime for the job's configuration, loads the
    exercise's scenarios and takes the snapshot; ``unit`` (the CPU unit the
    judge timed meanwhile) completes it. Each student process forked from the
    host then starts with all of it (a fork instead of ~10 ms of set-up each,
    and the host does it while the judge sets itself up). True once complete."""
    if message.get("k") == "prepare":
        installer.install(message["config"])
        _host_ready.update(config=message["config"], scenarios=_load_scenarios(message.get("scenarios")))
        _host_ready["snapshot"] = _refresh(_host_ready.pop("base", None) or _zygote_snapshot)
        return False
    unit = message.get("unit")
    if "snapshot" not in _host_ready or not isinstance(unit, float) or not 0 < unit < 1:
        raise ValueError(f"not a CPU unit after the runtime's installation: {unit!r}")
    calibration.unit_seconds = unit
    # Only what changed since (the unit's module) is read again.
    snapshot = _refresh(_host_ready.pop("snapshot"))
    _unlist()
    _host_ready["guarded"] = _final(snapshot)
    # All of it lives as long as the student's processes: out of the
    # collector's way (each run ends with a collection, as at exit).
    gc.freeze()
    return True


def serve(fd: int) -> None:
    """The student's process, from the judge's hello to its exit."""
    _serving["channel"] = fd
    hello = protocol.read_command(fd)
    if hello is None or hello.get("k") != "hello" or hello.get("protocol") != PROTOCOL_VERSION:
        os._exit(2)
    config = hello["config"]
    # Installed in the host (prepare_host), for this very configuration.
    if "guarded" not in _host_ready or config != _host_ready["config"]:
        os._exit(EXIT_CODES["judgeFailed"])
    scenarios, (views, namespace_versions, pairs) = _host_ready["scenarios"], _host_ready["guarded"]
    processes.arm_fork_hook()
    submission = Submission(str(hello["submission"]["name"]), str(hello["submission"]["source"]))
    _serving["submission"] = submission.name
    sys.argv = [submission.name]
    syntax = submission.compile()
    if not _prepared:
        prepare()
    senders = {
        "advance": frozenset({id(port._request.__code__)}),
        "charge": frozenset({id(port._request.__code__)}),
        "io": frozenset({id(port._request.__code__)}),
        "idle": frozenset({id(port._notify.__code__)}),
        "busy": frozenset({id(port._notify.__code__)}),
        "stall": frozenset({id(port._notify.__code__)}),
        "events": frozenset({id(port._notify.__code__)}),
        "ready": frozenset({id(_ready.__code__)}),
        "end": frozenset({id(_end.__code__)}),
    }
    key = bytes.fromhex(hello.pop("key"))
    guard.install(key=key, fd=fd, senders=senders, trusted_codes=_prepared["trusted"],
                  stdlib_codes=_prepared["stdlib"], frame_exposers=_prepared["exposers"],
                  views=views, versions=namespace_versions, pairs=pairs, student_file=submission.name)
    del key, hello
    # (The grader's own modules left sys.modules in the host: prepare_host.)
    _ready(syntax)
    while True:
        command = protocol.read_command(fd)
        if command is None or command.get("k") == "exit":
            break
        if command.get("k") == "run" and submission.code is not None:
            _run(command, submission, scenarios, config)
    installer.streams.flush()
    os._exit(0)
