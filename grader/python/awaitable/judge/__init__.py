"""The judge: holds the exercise's tests, drives the student's process, and
decides the verdict from what it observed and granted itself. It never runs
the student's code (grader/CONTRACT.md, "Processes").

    main.py         the judge process: the job in, the result document out
    student.py      the student's processes as the judge drives them
    observation.py  one phase of a run, from the student's messages: validated facts
    services.py     the fake HTTP and file services
    values.py       plain data from the student's process -> judge-side values
    messages.py     what the learner reads
"""
