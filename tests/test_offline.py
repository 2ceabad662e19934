"""The whole language layer works with no network at all, and never imports nltk (textstat's download path)."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SEED

# Run in a fresh interpreter so no earlier import hides a download attempt: any socket is an error there.
PROBE = r"""
import socket, sys
class NoNetwork(socket.socket):
    def __init__(self, *args, **kwargs):
        raise OSError("network used")
socket.socket = NoNetwork
socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError("network used"))
socket.getaddrinfo = lambda *a, **k: (_ for _ in ()).throw(OSError("network used"))

from broadcast import languages
import broadcast
timed = broadcast.load(sys.argv[1])
timed.render(to="check"); timed.render(to="json")
# Russian morphology loads only for Russian: a Kazakh story never pays its start-up.
assert "pymorphy3" not in sys.modules, "pymorphy3 imported for a Kazakh story"
samples = {"kk": "1992 жылы АҚШ-тың 30%-ке өскен тәуелсіз", "ru": "в 1992 году США 30%", "en": "in 1992 the UN grew 30%"}
for code, text in samples.items():
    language = languages.get(code)
    spoken = language.spoken(text)
    assert language.syllables(spoken) > 0, code
assert languages.get("en").syllables("cooperation Tokayev") == 8
# Its dictionary ships in a package: declining a name needs no network.
assert languages.get("ru").spoken("Правительство РК") == "Правительство Республики Казахстан"
for code, text in {"ru": "Министр прибыл в Астану.", "en": "The minister arrived in Astana."}.items():
    broadcast.prepare(text, lang=code).render(to="json")
assert "nltk" not in sys.modules, "nltk was imported"
print("offline ok")
"""


def test_language_layer_runs_with_sockets_refused():
    result = subprocess.run([sys.executable, "-c", PROBE, str(SEED)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "offline ok" in result.stdout
