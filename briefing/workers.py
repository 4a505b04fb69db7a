"""Making documents: each job's HTML, then its PDF, in this process or in rendering processes.

A :class:`Job` is plain data: the planned output, the page maps of the letters it draws on,
where to write it, and the HTML digest that makes rendering unnecessary. Rendering
processes receive the index and the settings once, as the arguments they are started with
(inherited where processes are forked, pickled where they are spawned: the same code runs
either way), then take jobs from a queue, longest first, and send back what each gave.
WeasyPrint is imported before they start, so that forked ones have it from the start.

A stop (Ctrl-C, SIGTERM) that comes while the processes are started or ended waits until
that is done: every process started is ended, and their temporary folder removed.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import Any

from briefing.errors import BriefingError, stop_again_later, stops_deferred
from briefing.index import Index
from briefing.plan import Output
from briefing.reads import Reads
from briefing.record import digest_bytes
from briefing.render import render
from briefing.settings import Settings
from briefing.views.links import PageMap
from briefing.write import Rendered, collected_after, html_type, write_pdf

#: How often a waiting process looks whether the other side is still there, in seconds.
_POLL = 0.5
#: How long a process is given to leave before it is made to, in seconds.
_GRACE = 5
#: Linux's prctl option that sends a signal to a process when its parent dies.
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class Context:
    """What every job needs and no job changes: the index, the settings, the templates."""

    index: Index
    settings: Settings
    templates: Path


@dataclass(frozen=True)
class Job:
    """One document to make."""

    output: Output
    #: The page maps of the letters it draws on.
    pages: PageMap
    #: The PDF to write.
    target: Path
    #: The recorded HTML digest: when the HTML comes out the same, nothing is rendered.
    unless: str | None = None


@dataclass(frozen=True)
class Done:
    """What a job gave: the HTML's digest and what it read, then the PDF or why not."""

    output: Output
    html: str
    reads: Reads
    #: What writing the PDF learned; None when nothing was written.
    rendered: Rendered | None
    #: Why the document could not be made; None when it was.
    error: str | None = None


def make(job: Job, context: Context) -> Done:
    """Make the job's HTML and, unless it is the recorded HTML, write its PDF; garbage is
    collected once, after (see :func:`briefing.write.collected_after`)."""
    with collected_after():
        return _make(job, context)


def _make(job: Job, context: Context) -> Done:
    try:
        html, reads = render(job.output, context.index, context.settings, job.pages)
    except BriefingError as exc:
        return Done(job.output, "", Reads(), None, str(exc))
    except Exception as exc:  # a bug must not stop the other documents
        return Done(job.output, "", Reads(), None, _internal(exc))
    digest = digest_bytes(html.encode())
    if job.unless is not None and digest == job.unless:
        return Done(job.output, digest, reads, None)
    try:
        rendered = write_pdf(html, job.target, context.templates, reads.files)
        return Done(job.output, digest, reads, rendered)
    except BriefingError as exc:
        return Done(job.output, digest, reads, None, str(exc))
    except Exception as exc:  # a bug must not stop the other documents
        return Done(job.output, digest, reads, None, _internal(exc))


def _internal(exc: Exception) -> str:
    """Why a document could not be made, where the cause is a fault of briefing's own."""
    return f"internal error: {type(exc).__name__}: {exc}"


def make_all(jobs: list[Job], context: Context, processes: int) -> Iterator[Done]:
    """Make every job, in ``processes`` processes (here, for one); yield each as it is done."""
    if processes <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield make(job, context)
        return
    yield from _Pool(context, min(processes, len(jobs))).make(jobs)


class _Pool:
    """Rendering processes that live as long as one batch of jobs."""

    def __init__(self, context: Context, size: int) -> None:
        self.context = context
        self.size = size
        self.mp: BaseContext = multiprocessing.get_context()

    def make(self, jobs: list[Job]) -> Iterator[Done]:
        tasks: Any = self.mp.Queue()
        results: Any = self.mp.Queue()
        processes: list[Any] = []
        scratch = None
        finished = False
        try:
            # A stop waits until the processes are started and known, so that each is ended.
            with stops_deferred():
                # The processes' temporary files (WeasyPrint's fonts) go in here, which is
                # removed however they end: a process made to stop cannot clean up after itself.
                scratch = tempfile.mkdtemp(prefix="briefing-")
                for job in sorted(jobs, key=lambda job: -job.output.weight):
                    tasks.put(job)
                for _ in range(self.size):
                    tasks.put(None)
                # WeasyPrint is imported here, once, and forked with the rest: a process
                # would finish importing it before it could stop.
                html_type()
                processes = self._start(tasks, results, scratch)
            waiting = {job.output.path: job for job in jobs}
            while waiting:
                try:
                    done = results.get(timeout=_POLL)
                except queue.Empty:
                    if any(p.is_alive() for p in processes):
                        continue
                    break  # every process is gone: what is left will not come
                waiting.pop(done.output.path, None)
                yield done
            for job in waiting.values():
                yield Done(job.output, "", Reads(), None, "the rendering process stopped")
            finished = True
        finally:  # a stop that comes meanwhile waits until it is all tidied up
            with stops_deferred():
                _stop(processes, finished)
                tasks.cancel_join_thread()
                results.cancel_join_thread()
                if scratch is not None:
                    shutil.rmtree(scratch, ignore_errors=True)

    def _start(self, tasks: Any, results: Any, scratch: str) -> list[Any]:
        """Start the rendering processes; each ignores Ctrl-C before it can be interrupted."""
        with _signals_held():
            processes = [
                self.mp.Process(  # type: ignore[attr-defined]
                    target=_serve,
                    args=(self.context, tasks, results, os.getpid(), scratch),
                    daemon=True,
                )
                for _ in range(self.size)
            ]
            for process in processes:
                process.start()
        return processes


def _stop(processes: list[Any], finished: bool) -> None:
    """End the processes: when the work is done they leave by themselves; else those still
    at work are told to stop, then made to."""
    if finished:
        for process in processes:
            process.join(_GRACE)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(_GRACE)
        if process.is_alive():
            process.kill()
            process.join()


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back from this thread while processes start: they inherit the
    mask and set their own handlers before they let the signals through. (This process's
    other threads, such as a queue's, can still take them: :func:`stops_deferred` makes this
    process wait.)"""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signals to hold
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _serve(context: Context, tasks: Any, results: Any, parent: int, scratch: str) -> None:
    """A rendering process: make jobs until there are none, or the build is gone."""
    tempfile.tempdir = scratch
    stopping: list[int] = []  # the signal that told it to stop, in case its exit was swallowed

    def leave(signum: int, frame: object) -> None:
        """Leave as a normal exit does, so that WeasyPrint removes its temporary fonts."""
        stopping.append(signum)
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the build's to handle
    signal.signal(signal.SIGTERM, leave)
    sys.unraisablehook = stop_again_later  # a finalizer that swallows the stop
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    _end_with_parent()
    while os.getppid() == parent and not stopping:
        try:
            job = tasks.get(timeout=_POLL)
        except queue.Empty:
            continue
        if job is None:
            return
        results.put(make(job, context))


def _end_with_parent() -> None:
    """On Linux, be told to stop (SIGTERM) when the build that started us dies, however."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not worth failing a build over
        pass
