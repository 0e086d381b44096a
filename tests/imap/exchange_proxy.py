"""A TCP relay between Leadpop and the test's Dovecot that ends sessions as Exchange does.

Exchange Online ends an IMAP session whose access token has expired with an untagged
`* BYE Session invalidated - AccessTokenExpired` and closes the connection. Dovecot never
does that (it checks a token only at login), so this relay says it on Dovecot's behalf:
`expire_sessions()` sends exactly those words to every client and closes both sides.
Nothing here imports pytest or the app.
"""

from __future__ import annotations

import select
import socket
import threading
from contextlib import suppress

BYE = b"* BYE Session invalidated - AccessTokenExpired\r\n"


class ExchangeLikeRelay:
    def __init__(self, port: int) -> None:
        self._target = ("127.0.0.1", port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._generation = 0  # sessions made before the current generation get the BYE
        self._stop = threading.Event()
        self._pairs: list[threading.Thread] = []
        self._accept = threading.Thread(target=self._serve, name="exchange-relay", daemon=True)
        self._accept.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            if not select.select([self._listener], [], [], 0.05)[0]:
                continue
            client, _ = self._listener.accept()
            server = socket.create_connection(self._target)
            pump = threading.Thread(
                target=self._pump, args=(client, server, self._generation),
                name="exchange-relay-pump", daemon=True,
            )  # fmt: skip
            self._pairs.append(pump)
            pump.start()

    def _pump(self, client: socket.socket, server: socket.socket, generation: int) -> None:
        """Bytes both ways, whole chunks only, so a BYE never lands inside a line."""
        try:
            while not self._stop.is_set():
                if generation < self._generation:
                    client.sendall(BYE)
                    return
                ready = select.select([client, server], [], [], 0.05)[0]
                for source, sink in ((client, server), (server, client)):
                    if source in ready:
                        data = source.recv(65536)
                        if not data:
                            return
                        sink.sendall(data)
        except OSError:
            return
        finally:
            for sock in (client, server):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()

    def expire_sessions(self) -> None:
        """Every session open now gets Exchange's BYE and is closed; returns when they are."""
        live = [p for p in self._pairs if p.is_alive()]
        self._generation += 1
        for pump in live:
            pump.join(5)

    def close(self) -> None:
        self._stop.set()
        self._accept.join(5)
        for pump in self._pairs:
            pump.join(5)
        self._listener.close()

    def __enter__(self) -> ExchangeLikeRelay:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
