"""Values returned by the student's code arrive as plain data (the guard's
encoding, runtime/guard.py) and become ordinary judge-side values here:
lists, tuples, dicts, sets, numbers, strings, bytes, exceptions rebuilt as
exception instances, and ``StudentObject`` for anything else. None of it is
the student's object: comparing, hashing or printing it runs no student code.
"""

from __future__ import annotations

import asyncio
import builtins


class StudentObject:
    """An object of the student's that is not plain data: its type's name only.
    Equal to nothing but itself."""

    __slots__ = ("type", "module", "name")

    def __init__(self, type_name: str, module: str = "", name: str = "") -> None:
        self.type = type_name
        self.module = module
        self.name = name

    @property
    def is_coroutine(self) -> bool:
        return self.type == "coroutine"

    @property
    def is_asyncio_future(self) -> bool:
        """An asyncio Task or Future (gather's _GatheringFuture too): what a
        function returns when it hands back an awaitable instead of awaiting it."""
        return self.module in _ASYNCIO_FUTURE_MODULES and self.type in _ASYNCIO_FUTURE_TYPES

    def __repr__(self) -> str:
        if self.type == "coroutine":
            return f"<coroutine object {self.name}>"
        return f"<{self.type} object>"


_ASYNCIO_FUTURE_MODULES = frozenset({"_asyncio", "asyncio.futures", "asyncio.tasks"})
_ASYNCIO_FUTURE_TYPES = frozenset({"Task", "Future", "_GatheringFuture"})


class Truncated:
    __slots__ = ()

    def __repr__(self) -> str:
        return "…"


_TRUNCATED = Truncated()
_ASYNCIO_EXCEPTIONS = {"CancelledError": asyncio.CancelledError, "TimeoutError": asyncio.TimeoutError,
                       "InvalidStateError": asyncio.InvalidStateError}
_synthesized: dict[tuple[str, str, tuple], type] = {}


def _synthesized_class(module: str, name: str, mro: tuple, parent: type) -> type:
    """A judge-side exception class named as the student's, under ``parent``
    (one per module, name and ancestry)."""
    key = (module, name, mro)
    cls = _synthesized.get(key)
    if cls is None:
        cls = _synthesized[key] = type(name, (parent,), {"__module__": module or "submission"})
    return cls


def _exception(description: dict) -> BaseException:
    name = str(description.get("type", "Exception"))
    module = str(description.get("module", ""))
    mro = [str(base) for base in description.get("mro", []) if isinstance(base, str)]
    args = tuple(rebuild(item) for item in description.get("args", []))
    base = None
    if module == "builtins":
        candidate = getattr(builtins, name, None)
        if isinstance(candidate, type) and issubclass(candidate, BaseException):
            base = candidate
    elif module.startswith("asyncio") and name in _ASYNCIO_EXCEPTIONS:
        base = _ASYNCIO_EXCEPTIONS[name]
    if base is None:
        # The student's own class: a judge-side class of the same name under
        # its nearest built-in base, so isinstance(value, KeyError) still holds.
        parent = Exception
        for ancestor in mro[1:]:
            candidate = getattr(builtins, ancestor, None)
            if isinstance(candidate, type) and issubclass(candidate, BaseException):
                parent = candidate
                break
        base = _synthesized_class(module, name, tuple(mro), parent)
    try:
        return base(*args)
    except Exception:  # noqa: BLE001  a built-in exception that wants other arguments
        pass
    if issubclass(base, BaseExceptionGroup):
        # A group (a TaskGroup's): its message, and the one exception that stands
        # for the ones inside (they do not cross; the traceback names them).
        message = str(args[0]) if args else name
        inner = Exception(message) if issubclass(base, Exception) else BaseException(message)
        try:
            return base(message, [inner])
        except Exception:  # noqa: BLE001
            pass
    try:
        error = base.__new__(base)
        error.args = args
        return error
    except Exception:  # noqa: BLE001  not even that: an Exception of the same name stands for it
        return _synthesized_class(module, name, ("Exception",), Exception)(*args)


def rebuild(value):
    if isinstance(value, list):
        return [rebuild(item) for item in value]
    if not isinstance(value, dict):
        return value
    if len(value) == 1 or "$class" in value:
        if "$tuple" in value:
            return tuple(rebuild(item) for item in value["$tuple"])
        if "$dict" in value:
            result = {}
            for pair in value["$dict"]:
                if isinstance(pair, list) and len(pair) == 2:
                    key = rebuild(pair[0])
                    try:
                        result[key] = rebuild(pair[1])
                    except TypeError:  # an unhashable key (a list): keep it as text
                        result[repr(key)] = rebuild(pair[1])
            return result
        if "$set" in value or "$frozenset" in value:
            items = []
            for item in value.get("$set", value.get("$frozenset", [])):
                rebuilt = rebuild(item)
                try:
                    hash(rebuilt)
                    items.append(rebuilt)
                except TypeError:
                    items.append(repr(rebuilt))
            return set(items) if "$set" in value else frozenset(items)
        if "$bytes" in value:
            try:
                return bytes.fromhex(value["$bytes"])
            except (TypeError, ValueError):
                return b""
        if "$int" in value:
            try:
                return int(value["$int"])
            except (TypeError, ValueError):
                return 0
        if "$float" in value:
            return float(value["$float"])
        if "$exception" in value:
            return _exception(value["$exception"] if isinstance(value["$exception"], dict) else {})
        if "$object" in value:
            description = value["$object"] if isinstance(value["$object"], dict) else {}
            return StudentObject(str(description.get("type", "object")), str(description.get("module", "")),
                                 str(description.get("name", "")))
        if "$truncated" in value:
            return _TRUNCATED
        if "$class" in value:
            # An instance of a subclass of a built-in type: its built-in value.
            return rebuild(value.get("value"))
    return StudentObject("object")


def is_coroutine(value) -> bool:
    return isinstance(value, StudentObject) and value.is_coroutine


def is_asyncio_future(value) -> bool:
    return isinstance(value, StudentObject) and value.is_asyncio_future
