"""Faults on loopback for tests and the load script: a TCP proxy that can black-hole or cut.

`TcpProxy(target_port)` listens on 127.0.0.1 (a free port) and forwards to 127.0.0.1:target.
`blackhole()` keeps every connection open but passes nothing either way (as a stuck link or
a firewall dropping packets looks to the application); `restore()` forwards again; `cut()`
closes every connection. Also: our own redis-server to freeze, and slow clients. Only
loopback is ever contacted.
"""

import contextlib
import os
import select
import signal
import socket
import subprocess
import threading
import time

HOST = "127.0.0.1"


class TcpProxy:
    def __init__(self, target_port: int, listen_port: int = 0):
        self.target_port = target_port
        self._server = socket.create_server((HOST, listen_port))
        self.port = self._server.getsockname()[1]
        self._holed = threading.Event()
        self._closing = threading.Event()
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def __enter__(self):
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self._closing.set()
        self._server.close()
        self.cut()

    def blackhole(self) -> None:
        self._holed.set()

    def restore(self) -> None:
        self._holed.clear()

    def cut(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        upstream = None
        with self._lock:
            self._sockets.append(client)
        while self._holed.is_set() and not self._closing.is_set():  # accept, never answer
            self._closing.wait(0.1)
        try:
            upstream = socket.create_connection((HOST, self.target_port), timeout=5)
        except OSError:
            client.close()
            return
        with self._lock:
            self._sockets.append(upstream)
        pair = {client: upstream, upstream: client}
        try:
            while not self._closing.is_set():
                readable, _, _ = select.select(list(pair), [], [], 0.1)
                if self._holed.is_set():  # leave the bytes unread: nothing passes
                    self._closing.wait(0.05)
                    continue
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    pair[sock].sendall(data)
        except OSError:
            return
        finally:
            client.close()
            upstream.close()


@contextlib.contextmanager
def own_redis_server(port: int):
    """A redis-server of our own on 127.0.0.1:`port` (never the shared one), to freeze."""
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", HOST, "--save", "", "--appendonly", "no",
         "--maxmemory", "256mb", "--maxmemory-policy", "allkeys-lru"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection((HOST, port), 0.2):
                break
            time.sleep(0.05)
        yield process
    finally:
        os.kill(process.pid, signal.SIGCONT)
        process.terminate()
        process.wait(timeout=10)


def freeze(process) -> None:
    os.kill(process.pid, signal.SIGSTOP)


def thaw(process) -> None:
    os.kill(process.pid, signal.SIGCONT)


class SlowClients:
    """N connections that send a request's headers one byte a second and never finish:
    each holds a sync gunicorn worker unless a buffering proxy stands in front."""

    def __init__(self, count: int, port: int):
        self.count, self.port = count, port
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    def __enter__(self):
        for _ in range(self.count):
            thread = threading.Thread(target=self._dribble, daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(5)

    def _dribble(self) -> None:
        request = f"GET / HTTP/1.1\r\nHost: {HOST}\r\nX-Slow: " + "x" * 10_000
        try:
            with socket.create_connection((HOST, self.port), timeout=5) as sock:
                for byte in request.encode():
                    if self._stop.wait(1.0):
                        return
                    sock.sendall(bytes([byte]))
        except OSError:
            return
