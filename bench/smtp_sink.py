"""A counting SMTP sink for the newsletter benchmark: `python -m bench.smtp_sink PORT`.

A minimal SMTP server (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) on asyncio that keeps only
a count of mails, bytes and duplicate recipients, printed as JSON on SIGTERM. aiosmtpd, used
by the tests, handles DATA line by line in Python and tops out at a few hundred 40 KB mails
per second on this machine: the benchmark would measure it instead of the sender. This sink
stands for a real MTA (Postfix and the like accept thousands of mails/s on loopback).
"""

import asyncio
import json
import signal
import sys

END_OF_DATA = b"\r\n.\r\n"


class Stats:
    def __init__(self) -> None:
        self.count = 0
        self.bytes = 0
        self.duplicates = 0
        self.recipients: set[bytes] = set()


class SinkProtocol(asyncio.Protocol):
    def __init__(self, stats: Stats) -> None:
        self.stats = stats
        self.buffer = b""
        self.in_data = False
        self.size = 0
        self.rcpts: list[bytes] = []

    def connection_made(self, transport: asyncio.Transport) -> None:
        self.transport = transport
        transport.write(b"220 sink ESMTP\r\n")

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        replies = []
        while self.buffer:
            if self.in_data:
                end = self.buffer.find(END_OF_DATA)
                if end < 0:
                    # Keep only what could start the terminator.
                    self.size += len(self.buffer) - 4
                    self.buffer = self.buffer[-4:]
                    break
                self.size += end
                self.buffer = self.buffer[end + len(END_OF_DATA) :]
                self.in_data = False
                self.stats.count += 1
                self.stats.bytes += self.size
                for rcpt in self.rcpts:
                    if rcpt in self.stats.recipients:
                        self.stats.duplicates += 1
                    self.stats.recipients.add(rcpt)
                replies.append(b"250 OK\r\n")
                continue
            line_end = self.buffer.find(b"\r\n")
            if line_end < 0:
                break
            line, self.buffer = self.buffer[:line_end], self.buffer[line_end + 2 :]
            verb = line[:4].upper()
            if verb == b"EHLO":
                replies.append(b"250-sink\r\n250-PIPELINING\r\n250 8BITMIME\r\n")
            elif verb == b"MAIL":
                self.rcpts = []
                replies.append(b"250 OK\r\n")
            elif verb == b"RCPT":
                self.rcpts.append(line[8:].strip(b"<> "))
                replies.append(b"250 OK\r\n")
            elif verb == b"DATA":
                self.in_data, self.size = True, 0
                # The terminator may follow the headers' CRLF directly.
                self.buffer = b"\r\n" + self.buffer
                self.size -= 2
                replies.append(b"354 End data with <CR><LF>.<CR><LF>\r\n")
            elif verb == b"QUIT":
                replies.append(b"221 Bye\r\n")
                self.transport.write(b"".join(replies))
                self.transport.close()
                return
            else:  # HELO, RSET, NOOP
                replies.append(b"250 OK\r\n")
        if replies:
            self.transport.write(b"".join(replies))


async def serve(port: int) -> None:
    stats = Stats()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SinkProtocol(stats), "127.0.0.1", port)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print("ready", flush=True)
    await stop.wait()
    server.close()
    print(
        json.dumps({"received": stats.count, "bytes": stats.bytes, "duplicates": stats.duplicates}),
        flush=True,
    )


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1])))
