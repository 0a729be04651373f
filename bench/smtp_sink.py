#!/usr/bin/env python3
"""A local SMTP receiver for the benchmark: accepts every message and counts it.

    bench/smtp_sink.py PORT [PROCESSES]

Speaks just enough SMTP for lettre (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and
discards the messages. With several processes (SO_REUSEPORT: the kernel spreads the
connections over them) each one writes how many messages it received to
`$SINK_COUNT_DIR/sink-PORT.count.N` (every 20 ms when it changed); the bench sums those
files. Stop it by signalling its process group. Python standard library only.
"""

import asyncio
import os
import socket
import sys
import time


class Sink:
    def __init__(self, count_path):
        self.count = 0
        self.count_path = count_path
        self.written = -1

    def flush(self):
        if self.written != self.count:
            tmp = self.count_path + ".tmp"
            with open(tmp, "w") as f:
                f.write(str(self.count))
            os.replace(tmp, self.count_path)
            self.written = self.count

    async def flusher(self):
        while True:
            self.flush()
            await asyncio.sleep(0.02)

    async def session(self, reader, writer):
        write = writer.write
        write(b"220 bench-sink ESMTP\r\n")
        try:
            while True:
                line = await reader.readline()
                if not line:
                    break
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    write(b"250-bench-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING\r\n")
                elif verb == b"DATA":
                    write(b"354 go ahead\r\n")
                    await reader.readuntil(b"\r\n.\r\n")
                    self.count += 1
                    write(b"250 2.0.0 queued\r\n")
                elif verb == b"QUIT":
                    write(b"221 bye\r\n")
                    await writer.drain()
                    break
                else:  # MAIL, RCPT, RSET, NOOP and anything else
                    write(b"250 OK\r\n")
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()


async def serve(sock, count_path):
    sink = Sink(count_path)
    server = await asyncio.start_server(sink.session, sock=sock, limit=1 << 22)
    asyncio.get_running_loop().create_task(sink.flusher())
    async with server:
        await server.serve_forever()


def main():
    port = int(sys.argv[1])
    processes = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    count_dir = os.environ.get("SINK_COUNT_DIR", ".")
    children = []
    for n in range(processes):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen(1024)
        pid = os.fork() if n < processes - 1 else 0
        if pid:
            children.append(pid)
            sock.close()
            continue
        path = os.path.join(count_dir, f"sink-{port}.count.{n}")
        try:
            asyncio.run(serve(sock, path))
        except KeyboardInterrupt:
            pass
        return


if __name__ == "__main__":
    main()
