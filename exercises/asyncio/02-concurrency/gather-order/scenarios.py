"""Drives the submission from inside its process (see tests.py): compare()
with the exception it may raise caught here and described as plain data
(an ExceptionGroup from a TaskGroup cannot come back to the judge as the
exception itself)."""


async def compare_caught(student, shops):
    try:
        return {"result": await student.compare(shops), "raised": None}
    except Exception as error:  # noqa: BLE001  any exception compare() lets out is what the test looks at
        inner = getattr(error, "exceptions", None)
        return {"result": None, "raised": {
            "type": type(error).__name__,
            "text": str(error),
            "repr": repr(error),
            "group": isinstance(error, BaseExceptionGroup),
            "inner": [repr(part) for part in inner] if isinstance(inner, tuple) else [],
            "connection": isinstance(error, ConnectionError),
        }}
