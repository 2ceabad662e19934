"""The live prompter server: every screen (talent, operator, any number) in step over a WebSocket, edits to
the files reaching them while on air, and a small HTTP control API for a button box or a script.

It binds 127.0.0.1 unless told otherwise; on any other address every request and WebSocket must carry the
token printed at start. It serves the page it renders and nothing else: no file from the disk.
The control API is documented in docs/prompter.md.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import socket
import sys
import time
import unicodedata
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from ..errors import BroadcastError, UsageError
from .document import PromptDocument, carry_position
from .page import render_page, render_script
from .source import Source

LOOPBACK = ("127.0.0.1", "::1", "localhost")
# How often the files are looked at: an edit reaches the screens well within a second.
WATCH_INTERVAL = 0.2
SPEED_STEP, SPEED_MIN, SPEED_MAX = 5, 10, 400
# The most a control request or a screen's message may carry: actions are a few dozen bytes.
MAX_MESSAGE = 64 * 1024
ACTIONS = (
    "play", "pause", "toggle", "faster", "slower", "speed", "next", "previous", "next-story", "previous-story",
    "top", "end", "seek", "nudge",
)


def needs_token(host: str) -> bool:
    """Anything but the loopback address itself can be reached by others: it needs the token."""
    return host not in LOOPBACK


def terminal_safe(text: str) -> str:
    """Text from an article for the operator's terminal: control characters (escape sequences) as `?`."""
    return "".join("?" if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)


def _now() -> float:
    return time.monotonic() * 1000


@dataclass
class Transport:
    """Where the script is: `position` ms of script time at server time `at`, moving at `speed` percent."""

    playing: bool = False
    speed: int = 100
    position: float = 0.0
    at: float = field(default_factory=_now)
    started: float | None = None  # server time of the first start: the on-air clock's zero

    def now(self, at: float | None = None) -> float:
        at = _now() if at is None else at
        return self.position + (at - self.at) * self.speed / 100 if self.playing else self.position

    def message(self) -> dict[str, Any]:
        return {"type": "state", "playing": self.playing, "speed": self.speed, "position": self.position,
                "at": self.at, "started": self.started}


def _number(message: dict[str, Any], key: str) -> float:
    value = message.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{message['action']!r} needs a number {key!r}")
    return float(value)


def _preceding(starts: list[int], position: float, speed: int) -> int:
    """The start of the current part; within a second of it, the one before (what "back" means)."""
    before = [start for start in starts if start <= position]
    if not before:
        return 0
    if len(before) > 1 and position - before[-1] <= 1000 * 100 / max(speed, 1):
        return before[-2]
    return before[-1]


def apply(transport: Transport, document: PromptDocument, message: dict[str, Any]) -> None:
    """One control action (the page's keys do the same): ValueError or TypeError names what is wrong with it."""
    action = message.get("action")
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; known: {', '.join(ACTIONS)}")
    at = _now()
    position = transport.now(at)
    playing, speed = transport.playing, transport.speed
    segments = [segment.start for item in document.items for segment in (item.segments or ())]
    segments += [item.start for item in document.items if not item.segments]
    segments.sort()
    stories = [item.start for item in document.items]
    if action == "play":
        playing = True
    elif action == "pause":
        playing = False
    elif action == "toggle":
        playing = not playing
    elif action == "faster":
        speed = min(SPEED_MAX, speed + SPEED_STEP)
    elif action == "slower":
        speed = max(SPEED_MIN, speed - SPEED_STEP)
    elif action == "speed":
        speed = round(min(SPEED_MAX, max(SPEED_MIN, _number(message, "value"))))
    elif action == "next":
        position = next((start for start in segments if start > position + 50), position)
    elif action == "previous":
        position = _preceding(segments, position, speed)
    elif action == "next-story":
        position = next((start for start in stories if start > position + 50), position)
    elif action == "previous-story":
        position = _preceding(stories, position, speed)
    elif action == "top":
        position, playing = 0, False
        transport.started = None
    elif action == "end":
        position, playing = document.duration, False
    elif action == "seek":
        position = _number(message, "position") * 1000
    elif action == "nudge":
        position += _number(message, "by") * 1000
    transport.position = min(float(document.duration), max(0.0, position))
    transport.at, transport.playing, transport.speed = at, playing, speed
    if playing and transport.started is None:
        transport.started = at


class Studio:
    """The document on air, where it is, and the screens that show it."""

    def __init__(self, source: Source, token: str | None) -> None:
        self.source = source
        self.token = token
        self.document = source.document()
        self.script = render_script(self.document)
        self.transport = Transport()
        self.screens: set[WebSocket] = set()
        self.stamps = self._stamps()

    def live(self) -> dict[str, str]:
        return {"socket": "/ws", "token": self.token or ""}

    def script_message(self) -> dict[str, Any]:
        first = next((item.wpm for item in self.document.items if item.wpm), 0)
        # The place goes with the script: a screen never shows the new text at the old place.
        return {"type": "script", "html": self.script, "duration": self.document.duration, "slot": self.document.slot,
                "wpm": first, "state": self.transport.message()}

    def _stamps(self) -> dict[Path, tuple[int, int] | None]:
        stamps: dict[Path, tuple[int, int] | None] = {}
        for path in self.source.files():
            try:
                stat = path.stat()
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                stamps[path] = None
        return stamps

    async def send_all(self, message: dict[str, Any]) -> None:
        text = json.dumps(message, ensure_ascii=False)
        for screen in list(self.screens):
            try:
                await screen.send_text(text)
            except (RuntimeError, OSError, WebSocketDisconnect):  # a screen gone mid-send: dropped, the others go on
                self.screens.discard(screen)

    async def control(self, message: dict[str, Any]) -> None:
        apply(self.transport, self.document, message)
        await self.send_all(self.transport.message())

    async def reload(self) -> None:
        """Read the files again; the reader keeps their place (the same line, as far into it)."""
        try:
            document = await asyncio.to_thread(self.source.document)
        except BroadcastError as error:  # a file saved half-way, say: the screens keep what they have
            print(f"broadcast prompter: not updated: {terminal_safe(str(error))}", file=sys.stderr, flush=True)
            return
        at = _now()
        position = carry_position(self.document, document, round(self.transport.now(at)))
        self.document, self.script = document, render_script(document)
        self.transport.position, self.transport.at = float(min(position, document.duration)), at
        await self.send_all(self.script_message())

    async def watch(self) -> None:
        while True:
            await asyncio.sleep(WATCH_INTERVAL)
            try:
                stamps = await asyncio.to_thread(self._stamps)
            except BroadcastError:  # a rundown being edited may not read: look again next time
                continue
            if stamps != self.stamps:
                self.stamps = stamps
                await self.reload()

    def allowed(self, connection: HTTPConnection) -> bool:
        """The token, where one is needed: in the query (`?token=`) or as `Authorization: Bearer TOKEN`."""
        if self.token is None:
            return True
        given = connection.query_params.get("token") or ""
        header = connection.headers.get("authorization", "")
        if header.lower().startswith("bearer "):
            given = header[7:].strip()
        return secrets.compare_digest(given.encode(), self.token.encode())


def _same_origin(connection: HTTPConnection) -> bool:
    """A page of another site may not drive the prompter through a visitor's browser."""
    origin = connection.headers.get("origin")
    if origin is None:
        return True  # not a browser: a script or a button box
    return origin.split("://", 1)[-1] == connection.headers.get("host", "")


def _loopback_host(connection: HTTPConnection) -> bool:
    """On loopback, only loopback names are accepted as Host: a site's DNS cannot rebind to the prompter."""
    host = connection.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.strip("[]") in LOOPBACK


def application(studio: Studio) -> Starlette:
    def refused(connection: HTTPConnection) -> Response | None:
        if studio.token is None and not _loopback_host(connection):
            return JSONResponse({"error": "unknown host"}, status_code=400)
        if not studio.allowed(connection):
            return JSONResponse({"error": "token required"}, status_code=403)
        return None

    async def page(request: Request) -> Response:
        refusal = refused(request)
        if refusal is not None:
            return refusal
        return HTMLResponse(render_page(studio.document, live=studio.live()), headers={"Cache-Control": "no-store"})

    async def state(request: Request) -> Response:
        refusal = refused(request)
        if refusal is not None:
            return refusal
        message = studio.transport.message()
        message.update(now=_now(), current=studio.transport.now(), duration=studio.document.duration)
        return JSONResponse(message)

    async def control(request: Request) -> Response:
        refusal = refused(request)
        if refusal is not None:
            return refusal
        if not _same_origin(request):
            return JSONResponse({"error": "cross-site request"}, status_code=403)
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return JSONResponse({"error": "send JSON (Content-Type: application/json)"}, status_code=415)
        body = await request.body()
        if len(body) > MAX_MESSAGE:
            return JSONResponse({"error": "too large"}, status_code=413)
        try:
            message = json.loads(body)
            if not isinstance(message, dict):
                raise TypeError("send one JSON object, e.g. {\"action\": \"next\"}")
            await studio.control(message)
        except (TypeError, ValueError) as error:
            return JSONResponse({"error": str(error)}, status_code=400)
        return JSONResponse(studio.transport.message())

    async def screen(websocket: WebSocket) -> None:
        if refused(websocket) is not None or not _same_origin(websocket):
            await websocket.close(code=1008)
            return
        await websocket.accept()
        studio.screens.add(websocket)
        try:
            await websocket.send_text(json.dumps(studio.script_message(), ensure_ascii=False))
            while True:
                message = json.loads(await websocket.receive_text())
                if not isinstance(message, dict):
                    continue
                if message.get("type") == "ping":
                    await websocket.send_text(json.dumps({"type": "pong", "sent": message.get("sent"), "server": _now()}))
                elif "action" in message:
                    with contextlib.suppress(TypeError, ValueError):
                        await studio.control(message)
        except (WebSocketDisconnect, ValueError):
            pass
        finally:
            studio.screens.discard(websocket)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        watcher = asyncio.create_task(studio.watch())
        yield
        watcher.cancel()

    return Starlette(
        routes=[
            Route("/", page),
            Route("/state", state),
            Route("/control", control, methods=["POST"]),
            WebSocketRoute("/ws", screen),
        ],
        lifespan=lifespan,
    )


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise UsageError(f"cannot listen on {host}:{port} ({error.strerror})") from None
    sock.listen(128)
    return sock


def serve(source: Source, host: str = "127.0.0.1", port: int = 8700) -> None:
    """Run the server until interrupted; prints the address (and the one-time token) it listens on."""
    token = secrets.token_urlsafe(18) if needs_token(host) else None
    studio = Studio(source, token)
    sock = _bind(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{bound}/" + (f"?token={token}" if token else "")
    print(f"broadcast prompter: {terminal_safe(studio.document.title)} on {address}", flush=True)
    if token:
        print(f"broadcast prompter: token {token} (every request and screen must carry it; it changes each start)", flush=True)
    print(f"broadcast prompter: control with POST {address.split('?')[0]}control {{\"action\": \"next\"}}; Ctrl-C stops",
          flush=True)
    config = uvicorn.Config(
        application(studio), log_level="warning", ws="websockets-sansio", ws_max_size=MAX_MESSAGE, lifespan="on"
    )
    uvicorn.Server(config).run(sockets=[sock])
