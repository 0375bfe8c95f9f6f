"""The isolated worker: loads the implementation and answers one problem per request.

Started by :class:`isolation.IsolatedSolver` as ``python -m lasso_spec.conformance.worker``;
the protocol, and why the judge stays in the parent process, is stated in :mod:`isolation`.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
import traceback

from .wire import encode, opaque


def _read_array(header, stream):
    import numpy as np

    raw = stream.read(header["nbytes"])
    return np.frombuffer(raw, dtype="<f8").astype(np.float64).reshape(header["shape"])


def worker(requests, replies):
    """Serve load and solve requests until EOF (``requests``, ``replies``: binary files)."""
    import numpy as np

    impl = None
    while line := requests.readline():
        request = json.loads(line)
        if "load" in request:
            reply, impl = _load(request)
        else:
            X, y = _read_array(request["X"], requests), _read_array(request["y"], requests)
            try:
                options = {k: v if isinstance(v, bool) else np.array(v, dtype=np.float64)
                           for k, v in request.get("options", {}).items()}
                returned = impl(X, y, request["l1"], request["l2"], **options)
            except BaseException as error:  # SystemExit too: it is the solver's answer
                reply = {"raised": {"type": type(error).__name__, "message": _text(error),
                                    "traceback": traceback.format_exc()[-4000:]}}
            else:
                try:
                    reply = {"returned": encode(returned)}
                except Exception as error:  # e.g. an ndarray subclass whose tolist raises
                    reply = {"returned": opaque(returned, f"{type(error).__name__}: {error}")}
        try:
            line = json.dumps(reply).encode()
        except (TypeError, ValueError, RecursionError) as error:  # not expected: encode's output
            line = json.dumps({"returned": opaque(None, f"unsendable: {error}")}).encode()
        replies.write(line + b"\n")
        replies.flush()


def _text(error):
    try:
        return str(error)[:2000]
    except Exception:  # a broken __str__
        return f"<{type(error).__name__} with an unprintable message>"


def _orphan_watch(parent):
    """Exit when the judge's process is gone (a hung solver must not outlive it)."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _load(request):
    from .implementations import LoadError, load

    sys.path[:] = [*request["sys_path"], *(p for p in sys.path if p not in request["sys_path"])]
    try:
        impl = load(request["load"], isolated=False)
    except LoadError as error:
        return {"load_error": str(error)}, None
    except BaseException as error:  # e.g. a built-in's own import failing
        return {"load_error": f"--impl {request['load']!r}: loading it raised "
                              f"{type(error).__name__}: {_text(error)}"}, None
    described = {"name": impl.name, "version": impl.version, "capabilities": impl.capabilities}
    return {"loaded": described}, impl


def main():
    """The worker's entry: keep the protocol's fds, point fd 0 at /dev/null and fd 1 at 2."""
    requests = os.fdopen(os.dup(0), "rb")
    replies = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True).start()
    worker(requests, replies)


if __name__ == "__main__":
    main()
