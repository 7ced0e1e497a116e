"""The guard: the one part of the student's process that the student's code
cannot reach.

It is an audit hook (PEP 578) built by ``install()`` as a closure over
everything it uses. Python keeps audit hooks in the interpreter, out of reach
of any Python code; nothing else holds a reference to the hook or to its
closure cells, so the key, the message counter, the channel's identity, the
snapshot of what the runtime relies on and the serializer of returned values
exist only here. (``gc.get_objects()`` would find the hook: it is one of the
events the guard refuses.)

What it does:

- **The channel.** Messages to the judge are signed here (HMAC over a counter
  and the payload, protocol.py) and only for the runtime's own senders: a
  ``sys.audit("awaitable.send", ...)`` is accepted only from the functions of
  port.py (or from core.py for the run's end), checked by the identity of the
  calling code object. A frame written to the socket by anyone else fails the
  judge's check; a replaced or closed socket ends the process.
- **Plain data.** The value a run returns crosses as JSON-like data, built
  with the C-level methods of the built-in types (a list subclass's
  ``__iter__``, a str subclass's ``__eq__`` or any ``__repr__`` never run).
- **Introspection.** Events through which a program could reach the runtime's
  frames, code or memory (the ``gc`` object lists, frames, code objects,
  ``ctypes``, tracing and profiling hooks, ``/proc/self/mem``, importing the
  grader) are refused when they come from the student's code, and reported to
  the judge first: the submission is marked as tampering.
- **Patches.** What the runtime and the test scenarios rely on in shared
  modules and classes (asyncio, time, threading, concurrent.futures, the
  built-ins, the fake libraries) is compared with a snapshot before every
  message; a replaced function is reported.

grader/CONTRACT.md, "Trust", lists what this does and does not protect against.
"""

from __future__ import annotations

import _json
import _thread
import operator
import json
import os
import struct
import sys
import types

from ..contract import EXIT_CODES, MAX_FRAME_BYTES
from ..protocol import signer
from . import versions as namespace_versions

# Events the guard acts on.
_REFUSED = frozenset({
    "gc.get_objects", "gc.get_referrers", "gc.get_referents", "sys._current_frames", "sys.settrace",
    "sys.setprofile", "sys.addaudithook", "cpython._PySys_ClearAuditHooks",
})
_TRACING = frozenset({"sys.settrace", "sys.setprofile"})
_FRAME_ATTRIBUTES = frozenset({"tb_frame", "cr_frame", "gi_frame", "ag_frame", "f_back"})
_CODE_ATTRIBUTES = frozenset({"__code__", "cr_code", "gi_code", "ag_code", "__defaults__", "__kwdefaults__"})
_FORBIDDEN_IMPORTS = frozenset({"ctypes", "_ctypes", "awaitable", "zygote"})

# Limits of one plain value.
_MAX_NODES = 20_000
_MAX_DEPTH = 40
_MAX_STRING = 64 * 1024
_MAX_INT_DIGITS = 4000


class Refused(RuntimeError):
    """What the student's code gets instead of the object it asked for."""


def install(*, key: bytes, fd: int, senders: dict, trusted_codes: frozenset, stdlib_codes: frozenset,
            frame_exposers: frozenset, views: tuple, versions: tuple, pairs: tuple, student_file: str) -> None:
    """Build the guard and add it as the process's audit hook.

    ``senders``: message kind -> ids of the code objects allowed to send it.
    ``trusted_codes``: ids of the runtime's code objects; ``stdlib_codes``:
    of the standard library's (loaded when the zygote started);
    ``frame_exposers``: the standard-library functions that hand a frame to
    their caller (inspect.stack, traceback.walk_tb, ...).
    ``views``/``versions``/``pairs``: namespace by namespace, the view of
    its version, the version, and its groups (core.py, _groups: every
    watched name, compared before the run's end; the hot ones, before every
    message).
    """
    # ----- everything the hook uses, captured now ------------------------------
    _write = os.write
    _read = os.read
    _fstat = os.fstat
    _getpid = os.getpid
    _exit = os._exit
    _getframe = sys._getframe
    _get_ident = _thread.get_ident
    _lock = _thread.allocate_lock()
    _pack = struct.Struct(">I").pack
    _unpack = struct.Struct(">I").unpack
    _encode_text = str.encode
    _type = type
    _id = id
    _len = len
    _str = str
    _repr_int = int.__repr__
    _repr_float = float.__repr__
    _list_iter = list.__iter__
    _tuple_iter = tuple.__iter__
    _dict_items = dict.items
    _set_iter = set.__iter__
    _frozenset_iter = frozenset.__iter__
    _str_copy = str.__str__
    _int_copy = int.__int__
    _float_copy = float.__float__
    _bytes_hex = bytes.hex
    _bytearray_bytes = bytes
    _issubclass = issubclass
    _qualname = type.__dict__["__qualname__"].__get__
    _module = type.__dict__["__module__"].__get__
    _mro = type.__dict__["__mro__"].__get__
    _exception_args = BaseException.__dict__["args"].__get__
    _inf = float("inf")
    _coroutine = types.CoroutineType
    _generator = types.GeneratorType
    _async_generator = types.AsyncGeneratorType
    _function = types.FunctionType
    _coroutine_name = types.CoroutineType.__dict__["__qualname__"].__get__
    _generator_name = types.GeneratorType.__dict__["__qualname__"].__get__
    _function_code = types.FunctionType.__dict__["__code__"].__get__
    _coroutine_code = types.CoroutineType.__dict__["cr_code"].__get__
    _generator_code = types.GeneratorType.__dict__["gi_code"].__get__
    _async_generator_code = types.AsyncGeneratorType.__dict__["ag_code"].__get__
    _frame_code = types.FrameType.__dict__["f_code"].__get__
    _frame_back = types.FrameType.__dict__["f_back"].__get__
    _frame_line = types.FrameType.__dict__["f_lineno"].__get__
    _exit_channel_lost = EXIT_CODES.get("judgeFailed", 72)
    _all = all
    _map = map
    _is = operator.is_
    _read_version = namespace_versions.read
    _tuple = tuple
    _range = range
    _scan = _json.make_scanner(json.JSONDecoder())
    _json_encode = _json.make_encoder(None, None, _json.encode_basestring, None, ":", ",", False, False, False)
    _max_frame = MAX_FRAME_BYTES
    _owner = _getpid()
    identity = _fstat(fd)
    _identity = (identity.st_dev, identity.st_ino)
    del identity
    _sign = signer(bytes(key))
    state = {"sequence": 0, "holder": None}
    # Threads of this process now inside the guard's own introspection: the
    # audit events that causes (reading frames) are the guard's, not the program's.
    expecting: set = set()
    reported: set = set()

    def _finite(value: float) -> bool:
        return value == value and value != _inf and value != -_inf

    # ----- the channel -----------------------------------------------------------

    def _check_channel() -> None:
        try:
            details = _fstat(fd)
        except OSError:
            _exit(_exit_channel_lost)
        if (details.st_dev, details.st_ino) != _identity:
            # The program put something else in the channel's place: no
            # message can reach the judge any more.
            _exit(_exit_channel_lost)

    def _send_frame(body: bytes) -> None:
        sequence = state["sequence"]
        state["sequence"] = sequence + 1
        tag = _sign(sequence, body)
        data = memoryview(_pack(_len(body)) + tag + body)
        _check_channel()
        try:
            while data:
                written = _write(fd, data)
                data = data[written:]
        except OSError:
            _exit(_exit_channel_lost)

    def _read_exactly(count: int) -> bytes:
        chunks = []
        remaining = count
        while remaining:
            _check_channel()
            try:
                chunk = _read(fd, remaining)
            except OSError:
                _exit(_exit_channel_lost)
            if not chunk:
                _exit(_exit_channel_lost)
            chunks.append(chunk)
            remaining -= _len(chunk)
        return b"".join(chunks)

    def _read_reply():
        (length,) = _unpack(_read_exactly(4))
        if length > _max_frame:
            _exit(_exit_channel_lost)
        text = _read_exactly(length).decode("utf-8")
        value, _end = _scan(text, 0)
        return value

    def _exchange(kind: str, body: bytes, reply) -> None:
        me = _get_ident()
        if state["holder"] == me:
            # A signal handler sending while this thread is mid-frame: a
            # second frame inside the first would corrupt the stream.
            return
        with _lock:
            state["holder"] = me
            try:
                _send_frame(body)
                if reply is not None:
                    reply.append(_read_reply())
            finally:
                state["holder"] = None

    # ----- messages ------------------------------------------------------------------

    def _scalar(value) -> bool:
        kind = _type(value)
        if kind is str or kind is bool or value is None:
            return True
        if kind is int:
            return -(1 << 62) < value < (1 << 62)
        if kind is float:
            return _finite(value)
        return False

    def _message_ok(payload) -> bool:
        """A message the runtime built: a dict of scalars, lists of scalars,
        or lists of flat event dicts; anything else is not the runtime's."""
        if _type(payload) is not dict:
            return False
        for name, value in _dict_items(payload):
            if _type(name) is not str:
                return False
            if _scalar(value):
                continue
            if _type(value) is list:
                for item in _list_iter(value):
                    if _scalar(item):
                        continue
                    if _type(item) is not dict:
                        return False
                    for field, inner in _dict_items(item):
                        if _type(field) is not str:
                            return False
                        if _scalar(inner):
                            continue
                        if _type(inner) is list:
                            for leaf in _list_iter(inner):
                                if not _scalar(leaf):
                                    return False
                            continue
                        return False
                continue
            if _type(value) is dict:
                for field, inner in _dict_items(value):
                    if _type(field) is not str:
                        return False
                    if _scalar(inner):
                        continue
                    if _type(inner) is list:
                        for leaf in _list_iter(inner):
                            if not _scalar(leaf):
                                return False
                        continue
                    return False
                continue
            return False
        return True

    def _encode(message: dict) -> bytes:
        return _encode_text("".join(_json_encode(message, 0)), "utf-8", "surrogatepass")

    # ----- plain data ------------------------------------------------------------

    def _plain(value, depth: int, budget: list):
        budget[0] -= 1
        if budget[0] < 0:
            return {"$truncated": True}
        if depth > _MAX_DEPTH:
            return {"$truncated": True}
        kind = _type(value)
        if value is None or kind is bool:
            return value
        if kind is int:
            return _int(value)
        if kind is float:
            return _float(value)
        if kind is str:
            return _text(value)
        if kind is list:
            return [_plain(item, depth + 1, budget) for item in _list_iter(value)]
        if kind is tuple:
            return {"$tuple": [_plain(item, depth + 1, budget) for item in _tuple_iter(value)]}
        if kind is dict:
            return {"$dict": [[_plain(k, depth + 1, budget), _plain(v, depth + 1, budget)]
                              for k, v in _dict_items(value)]}
        if kind is set:
            return {"$set": [_plain(item, depth + 1, budget) for item in _set_iter(value)]}
        if kind is frozenset:
            return {"$frozenset": [_plain(item, depth + 1, budget) for item in _frozenset_iter(value)]}
        if kind is bytes or kind is bytearray:
            data = _bytearray_bytes(value)
            return {"$bytes": _bytes_hex(data[:_MAX_STRING])}
        if kind is _coroutine:
            return {"$object": {"type": "coroutine", "name": _text(_coroutine_name(value))}}
        if kind is _generator:
            return {"$object": {"type": "generator", "name": _text(_generator_name(value))}}
        if kind is _async_generator:
            return {"$object": {"type": "async_generator", "name": ""}}
        return _plain_instance(value, kind, depth, budget)

    def _plain_instance(value, kind, depth: int, budget: list):
        name = _text(_name_of(kind))
        if _issubclass(kind, BaseException):
            bases = []
            for base in _mro(kind):
                bases.append(_text(_name_of(base)))
                if base is BaseException:
                    break
            return {"$exception": {"type": name, "module": _text(_module_of(kind)), "mro": bases,
                                   "args": [_plain(item, depth + 1, budget) for item in
                                            _tuple_iter(_exception_args(value))]}}
        # Instances of subclasses of the built-in types cross as the built-in
        # value they hold, read with the built-in type's own methods.
        if _issubclass(kind, bool):
            return value is True
        if _issubclass(kind, int):
            return {"$class": name, "value": _int(_int_copy(value))}
        if _issubclass(kind, float):
            return {"$class": name, "value": _float(_float_copy(value))}
        if _issubclass(kind, str):
            return {"$class": name, "value": _text(_str_copy(value))}
        if _issubclass(kind, list):
            return {"$class": name, "value": [_plain(item, depth + 1, budget) for item in _list_iter(value)]}
        if _issubclass(kind, tuple):
            return {"$class": name, "value": {"$tuple": [_plain(item, depth + 1, budget)
                                                         for item in _tuple_iter(value)]}}
        if _issubclass(kind, dict):
            return {"$class": name, "value": {"$dict": [[_plain(k, depth + 1, budget), _plain(v, depth + 1, budget)]
                                                        for k, v in _dict_items(value)]}}
        if _issubclass(kind, (set, frozenset)):
            iterate = _set_iter if _issubclass(kind, set) else _frozenset_iter
            return {"$class": name, "value": {"$set": [_plain(item, depth + 1, budget) for item in iterate(value)]}}
        return {"$object": {"type": name, "module": _text(_module_of(kind))}}

    def _name_of(kind) -> str:
        try:
            name = _qualname(kind)
        except Exception:  # noqa: BLE001
            return "?"
        return name if _type(name) is str else "?"

    def _module_of(kind) -> str:
        try:
            module = _module(kind)
        except Exception:  # noqa: BLE001
            return "?"
        return module if _type(module) is str else "?"

    def _int(value: int):
        if -(1 << 53) < value < (1 << 53):
            return value
        text = _repr_int(value) if value.bit_length() < _MAX_INT_DIGITS * 3 else "0"
        return {"$int": text[:_MAX_INT_DIGITS]}

    def _float(value: float):
        if _finite(value):
            return value
        return {"$float": "nan" if value != value else ("inf" if value > 0 else "-inf")}

    def _text(value: str) -> str:
        return value if _len(value) <= _MAX_STRING else value[:_MAX_STRING]

    # ----- patches ----------------------------------------------------------------

    def _changes(hot_only: bool) -> list:
        """The labels of watched names no longer bound to what they were.
        A namespace whose version is the one recorded is unchanged
        (versions.py: all of them read at once); in any other, the names are
        read and compared by identity in C (never with ==, which the
        student's objects could answer)."""
        side = 1 if hot_only else 0
        if _checkable:
            now = _tuple(_map(_read_version, views))
            # Unchanged since the recorded snapshot, or since the last check
            # of this kind (whose findings are reported already).
            if now == expected_versions or now == last_checked[side]:
                return []
            last_checked[side] = now
        else:
            now = None
        changed = []
        for index in _range(_count):
            if now is not None and now[index] == expected_versions[index]:
                continue
            group = pairs[index][side]
            if group is None:
                continue
            get, names, expected, prefix = group
            try:
                if _all(_map(_is, _map(get, names), expected)):
                    continue
            except Exception:  # noqa: BLE001  a namespace the program replaced oddly: compared one by one below
                pass
            for position in _range(_len(names)):
                try:
                    current = get(names[position])
                except Exception:  # noqa: BLE001
                    current = None
                if current is expected[position]:
                    continue
                label = prefix + names[position] if prefix is not None else "sys.modules[%r]" % (names[position],)
                if ("patch", label) not in reported:
                    changed.append(label)
        return changed

    _count = _len(pairs)
    # The versions at the last check, for the whole snapshot and for the hot part.
    last_checked = [None, None]
    _checkable = namespace_versions.AVAILABLE and _all(view is not None for view in views)
    expected_versions = versions

    # ----- introspection ------------------------------------------------------------

    def _origin(frame):
        """The first frame up the stack that is neither the runtime's nor the
        standard library's: the student's, or None when the runtime itself is
        closer (the runtime inspecting a coroutine, say)."""
        while frame is not None:
            code = _id(_frame_code(frame))
            if code in trusted_codes:
                return None
            if code not in stdlib_codes:
                return frame
            frame = _frame_back(frame)
        return None

    def _line(frame):
        """The line of the student's file the frame is at (call inside ``expecting``)."""
        if frame is None:
            return None
        filename = _frame_code(frame).co_filename
        line = _frame_line(frame)
        return line if filename == student_file and _type(line) is int else None

    def _report(what: str, detail: str, line) -> None:
        key = (what, detail)
        if key in reported or _getpid() != _owner:
            return
        reported.add(key)
        message = {"k": "tamper", "what": what, "detail": detail[:300], "line": line}
        _exchange("tamper", _encode(message), None)

    def _code_of(target):
        kind = _type(target)
        if kind is _function:
            return _function_code(target)
        if kind is _coroutine:
            return _coroutine_code(target)
        if kind is _generator:
            return _generator_code(target)
        if kind is _async_generator:
            return _async_generator_code(target)
        return None

    def _decide(event: str, args: tuple, accessor, student) -> tuple | None:
        """(what, detail) if the event must be refused, else None."""
        accessor_code = _frame_code(accessor)
        accessor_is_student = _id(accessor_code) not in stdlib_codes
        exposed = _id(accessor_code) in frame_exposers and _frame_back(accessor) is student
        if event in _REFUSED:
            return ("introspection", event)
        if event.startswith("ctypes."):
            return ("ctypes", event)
        if event == "sys._getframe":
            if accessor_is_student:
                return ("frames", "sys._getframe")
            if exposed:
                return ("frames", _str(accessor_code.co_name))
            return None
        if event == "object.__getattr__":
            name = args[1] if _len(args) > 1 else None
            if name in _FRAME_ATTRIBUTES:
                if accessor_is_student or exposed:
                    return ("frames", _str(name))
                return None
            if name == "__globals__":
                # A runtime function's globals are the runtime's modules (its
                # clock, its recorder, its calibration): refused however the
                # student's code reaches them (inspect.getclosurevars included).
                code = _code_of(args[0])
                if code is not None and _id(code) in trusted_codes:
                    return ("code", "__globals__")
                return None
            if name in _CODE_ATTRIBUTES and accessor_is_student:
                code = _code_of(args[0])
                if code is not None and (_id(code) in trusted_codes or _id(code) in stdlib_codes):
                    return ("code", _str(name))
            return None
        if event == "object.__setattr__":
            code = _code_of(args[0])
            if code is not None and (_id(code) in trusted_codes or _id(code) in stdlib_codes):
                name = args[1] if _len(args) > 1 and _type(args[1]) is str else "?"
                return ("patch", name)
            return None
        if event in ("code.__new__", "function.__new__", "marshal.loads"):
            if accessor_is_student:
                return ("code", event)
            return None
        return None

    def _inspect(event: str, args: tuple) -> None:
        me = _get_ident()
        if me in expecting:
            return
        expecting.add(me)
        line = None
        try:
            accessor = _getframe(2)
            student = _origin(accessor)
            if student is None and event in _TRACING:
                # Nothing of ours sets a tracer: one installed for new threads
                # (threading.settrace) is the student's, run by a thread's start.
                decision = ("introspection", event)
            else:
                decision = None if student is None else _decide(event, args, accessor, student)
            if decision is not None:
                line = _line(student)
        finally:
            expecting.discard(me)
        if decision is not None:
            what, detail = decision
            _report(what, detail, line)
            raise Refused(f"awaitable: {detail} is not allowed while your code is graded")

    def _student_line(depth: int):
        """(is the caller the student's, its line): for events with no frame argument."""
        me = _get_ident()
        if me in expecting:
            return False, None
        expecting.add(me)
        try:
            student = _origin(_getframe(depth + 1))
            return student is not None, _line(student)
        finally:
            expecting.discard(me)

    def _import(event: str, args: tuple) -> None:
        name = args[0] if args else None
        if _type(name) is not str:
            return
        root = name.split(".", 1)[0]
        if root in _FORBIDDEN_IMPORTS:
            is_student, line = _student_line(2)
            if is_student:
                _report("import", name, line)
                raise Refused(f"awaitable: importing {name} is not allowed while your code is graded")

    def _open(event: str, args: tuple) -> None:
        path = args[0] if args else None
        if _type(path) is bytes:
            path = path.decode("utf-8", "replace")
        if _type(path) is not str:
            return
        if not (path.endswith("mem") or "map_files" in path or path.endswith("pagemap")):
            return
        is_student, line = _student_line(2)
        if is_student:
            _report("memory", path, line)
            raise Refused("awaitable: reading the process's memory is not allowed while your code is graded")

    def _send(event: str, args: tuple) -> None:
        me = _get_ident()
        if me in expecting:
            return
        expecting.add(me)
        try:
            caller = _id(_frame_code(_getframe(2)))
        finally:
            expecting.discard(me)
        kind = args[0] if args else None
        allowed = senders.get(kind) if _type(kind) is str else None
        if allowed is None or caller not in allowed:
            _is_student, line = _student_line(2)
            _report("channel", "sys.audit('awaitable.send')", line)
            raise Refused("awaitable: the grader's channel is not yours to use")
        if _getpid() != _owner:
            # A forked child (a process pool's worker) never speaks for the run.
            raise Refused("awaitable: only the run's own process reports")
        payload = args[1] if _len(args) > 1 else None
        reply = args[2] if _len(args) > 2 else None
        if _type(payload) is not dict or (reply is not None and _type(reply) is not list):
            return
        if kind == "end":
            plain = _plain(payload["value"], 0, [_MAX_NODES]) if "value" in payload else None
            payload = dict(payload)
            payload.pop("value", None)
            if not _message_ok(payload):
                _report("channel", "malformed end", None)
                return
            changed = _changes(payload.get("last") is False)
            payload["k"] = "end"
            payload["value"] = plain
        else:
            if not _message_ok(payload):
                _report("channel", f"malformed {kind}", None)
                if reply is not None:
                    _exit(_exit_channel_lost)
                return
            changed = _changes(True)
            payload = dict(payload)
            payload["k"] = kind
        for label in changed:
            _report("patch", label, None)
        body = _encode(payload)
        if _len(body) > _max_frame:
            _report("channel", f"{kind} too large", None)
            if reply is not None:
                _exit(_exit_channel_lost)
            return
        _exchange(kind, body, reply)

    handlers = {
        "awaitable.send": _send,
        "import": _import,
        "open": _open,
        "sys._getframe": _inspect,
        "object.__getattr__": _inspect,
        "object.__setattr__": _inspect,
        "code.__new__": _inspect,
        "function.__new__": _inspect,
        "marshal.loads": _inspect,
    }
    for name in _REFUSED:
        handlers[name] = _inspect
    _handler = handlers.get

    def guard(event, args):
        handler = _handler(event)
        if handler is not None:
            handler(event, args)
        elif event[:7] == "ctypes.":
            _inspect(event, args)

    sys.addaudithook(guard)
