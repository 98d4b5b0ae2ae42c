"""Faults on loopback for tests and the load script: a TCP proxy that can black-hole or cut.

`TcpProxy(target_port)` listens on 127.0.0.1 (a free port) and forwards to 127.0.0.1:target.
`blackhole()` keeps every connection open but passes nothing either way (as a stuck link or
a firewall dropping packets looks to the application); `restore()` forwards again; `cut()`
closes every connection. Only loopback is ever contacted.
"""

import contextlib
import select
import socket
import threading

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
