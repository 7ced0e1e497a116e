"""Awaitable's grader, in Python: the judge (``judge/``), which holds the
tests and decides the verdict, and the student-side runtime (``runtime/``),
which runs a submission on the virtual clock and reports what it saw.
See grader/CONTRACT.md."""
