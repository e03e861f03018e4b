"""Open a page in headless Chromium and read what lactosim shows, in real time (no virtual clock),
through the DevTools protocol: for the browser test (web/check.sh).

  browser.py URL OUT_PREFIX [--phone] [ACTION]...

waits (at most 60 s) until the page's status (#lactosim-status) tells a finished run or a problem
and nothing is computing, then writes OUT_PREFIX.status, .timing (#lactosim-timing: the first
picture and the longest frame, measured by the page's own clock), .errors (every error the
console saw, and every uncaught exception) and .png (a screenshot). `--phone` opens it as a phone
would (390 x 844 points, touch). The actions, in order, once the page has settled and before the
picture: `--tap X,Y` (a finger), `--click X,Y` (the mouse), `--type TEXT`, `--key NAME` (Enter,
Tab, Escape, Backspace), `--wait SECONDS`; each waits a second for the page to answer.

Only Python's standard library (a minimal WebSocket client below): the CI machine installs
nothing for it.
"""

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

WAIT_S = 60.0


class WebSocket:
    """Just enough of RFC 6455 for the DevTools protocol: text frames, masked from the client."""

    def __init__(self, url):
        assert url.startswith("ws://")
        host_port, _, path = url[len("ws://"):].partition("/")
        host, _, port = host_port.partition(":")
        self.sock = socket.create_connection((host, int(port)), timeout=WAIT_S)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall(
            (f"GET /{path} HTTP/1.1\r\nHost: {host_port}\r\nUpgrade: websocket\r\n"
             f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
             "Sec-WebSocket-Version: 13\r\n\r\n").encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            self.buffer += self.sock.recv(4096)
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        assert b" 101 " in head.split(b"\r\n")[0], head

    def _exactly(self, n):
        while len(self.buffer) < n:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("the browser closed the connection")
            self.buffer += chunk
        out, self.buffer = self.buffer[:n], self.buffer[n:]
        return out

    def send(self, text):
        payload = text.encode()
        n = len(payload)
        header = bytes([0x81])
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def receive(self):
        message = b""
        while True:
            first, second = self._exactly(2)
            n = second & 0x7F
            if n == 126:
                n = struct.unpack(">H", self._exactly(2))[0]
            elif n == 127:
                n = struct.unpack(">Q", self._exactly(8))[0]
            payload = self._exactly(n)
            opcode = first & 0x0F
            if opcode == 0x8:
                raise ConnectionError("the browser closed the connection")
            if opcode in (0x9, 0xA):  # ping, pong: nothing to read
                continue
            message += payload
            if first & 0x80:
                return message.decode()


class Page:
    """One page of a headless Chromium of its own (a fresh profile: nothing kept from before)."""

    def __init__(self, phone=False):
        browser = shutil.which("chromium") or shutil.which("chromium-browser") or \
            shutil.which("google-chrome")
        self.profile = tempfile.mkdtemp(prefix="lactosim-browser-")
        self.process = subprocess.Popen(
            [browser, "--headless=new", "--no-sandbox", "--use-angle=swiftshader",
             "--enable-unsafe-swiftshader", "--window-size=1280,800", "--no-first-run",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + WAIT_S
        while not (os.path.exists(port_file) and open(port_file).read().count("\n") >= 1):
            if time.time() > deadline:
                raise TimeoutError("Chromium did not start")
            time.sleep(0.05)
        port = open(port_file).read().split("\n")[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.ws = WebSocket(page["webSocketDebuggerUrl"])
        self.next_id = 0
        self.errors = []
        self.call("Runtime.enable")
        self.call("Page.enable")
        if not phone:
            # The page's own size (--window-size counts the window, not the page).
            self.call("Emulation.setDeviceMetricsOverride",
                      width=1280, height=800, deviceScaleFactor=1, mobile=False)
        if phone:
            # One pixel a point: headless Chromium's resize observer reports CSS pixels as
            # device pixels under an emulated scale, which would draw egui three times too big.
            # What the layout sees, 390 points across, is a phone's all the same.
            self.call("Emulation.setDeviceMetricsOverride",
                      width=390, height=844, deviceScaleFactor=1, mobile=True)
            self.call("Emulation.setTouchEmulationEnabled", enabled=True, maxTouchPoints=5)

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.receive())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.event(message)

    def event(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(" ".join(str(a.get("value", a.get("description", "")))
                                        for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append(details.get("exception", {}).get("description")
                               or details.get("text", "an exception"))

    def text_of(self, element_id):
        result = self.call("Runtime.evaluate", returnByValue=True, expression=(
            f"(document.getElementById({json.dumps(element_id)}) || {{}}).textContent || ''"))
        return result.get("result", {}).get("value", "")

    def tap(self, x, y):
        """A finger on the page at (x, y) points, and off it."""
        point = [{"x": x, "y": y}]
        self.call("Input.dispatchTouchEvent", type="touchStart", touchPoints=point)
        time.sleep(0.1)
        self.call("Input.dispatchTouchEvent", type="touchEnd", touchPoints=[])
        time.sleep(1.0)

    def click(self, x, y):
        """The mouse moved to (x, y) points, pressed and released."""
        self.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
        time.sleep(0.1)
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
            time.sleep(0.05)
        time.sleep(1.0)

    def key(self, name):
        """A key pressed and released."""
        codes = {"Enter": 13, "Tab": 9, "Escape": 27, "Backspace": 8}
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=name, code=name,
                      windowsVirtualKeyCode=codes.get(name, 0))
        time.sleep(1.0)

    def close(self):
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def settled(status, timing):
    """A run shown (or a problem), and nothing computing."""
    shown = "Summary:" in status or "Problem:" in status
    return shown and "Simulating" not in status and "busy: false" in timing


def main():
    url, out = sys.argv[1], sys.argv[2]
    page = Page(phone="--phone" in sys.argv[3:])
    try:
        page.call("Page.navigate", url=url)
        deadline = time.time() + WAIT_S
        status = timing = ""
        while time.time() < deadline:
            status, timing = page.text_of("lactosim-status"), page.text_of("lactosim-timing")
            if settled(status, timing):
                break
            time.sleep(0.2)
        args = sys.argv[3:]
        for i, arg in enumerate(args):
            value = args[i + 1] if i + 1 < len(args) else ""
            if arg in ("--tap", "--click"):
                x, y = (float(v) for v in value.split(","))
                (page.tap if arg == "--tap" else page.click)(x, y)
            elif arg == "--type":
                page.call("Input.insertText", text=value)
                time.sleep(1.0)
            elif arg == "--key":
                page.key(value)
            elif arg == "--wait":
                time.sleep(float(value))
        # A moment more for the frame that draws it, then the picture.
        time.sleep(0.5)
        shot = page.call("Page.captureScreenshot", format="png")
        with open(out + ".png", "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        # Errors the page kept itself (index.html), and those the console saw.
        kept = page.text_of("lactosim-errors").strip()
        errors = list(dict.fromkeys(page.errors + ([kept] if kept else [])))
        for name, text in (("status", page.text_of("lactosim-status")),
                           ("timing", page.text_of("lactosim-timing")),
                           ("errors", "\n".join(errors))):
            with open(f"{out}.{name}", "w") as f:
                f.write(text.strip() + "\n" if text.strip() else "")
    finally:
        page.close()


if __name__ == "__main__":
    main()
