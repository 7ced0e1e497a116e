"""The standard library students reach for, imported once by the zygote, so
that a run does not pay for it and so that its code is known to the guard as
the standard library's (runtime/guard.py)."""

# ruff: noqa: F401
import abc
import argparse
import base64
import bisect
import collections
import collections.abc
import contextlib
import contextvars
import copy
import csv
import dataclasses
import datetime
import decimal
import enum
import fnmatch
import fractions
import functools
import glob
import hashlib
import heapq
import inspect
import io
import itertools
import json
import logging
import math
import numbers
import operator
import pathlib
import pprint
import queue
import random
import re
import shutil
import signal
import statistics
import string
import struct
import tempfile
import textwrap
import threading
import time
import traceback
import types
import typing
import urllib.parse
import uuid
import warnings
import weakref
