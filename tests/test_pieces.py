"""An MP3 draft encoded in pieces (audio/pieces.py): the joined frames decode to the programme exactly (same
length, every sound on its sample), and a mix redone encodes only the pieces whose samples changed."""
from __future__ import annotations

import math
import subprocess
from array import array

import pytest

from broadcast.audio.ffmpeg import ffmpeg_exe
from broadcast.audio.loudness import Encoding
from broadcast.audio.pieces import FRAME, _crc16, info_frame
from broadcast.audio.programme import RATE, PieceEncoder

ENCODING = Encoding("mp3", tags=(("title", "Кешкі жаңалықтар"), ("artist", "Хабар 24")))


def tone(ms: int, frequency: float = 440.0, level: float = 0.3) -> bytes:
    count = RATE * ms // 1000
    return array("h", (round(level * 32767 * math.sin(2 * math.pi * frequency * i / RATE)) for i in range(count))).tobytes()


def lay(path, folder, segments: list[tuple[int, int, float]]) -> tuple[PieceEncoder, list[int]]:
    """Each (tone ms, pause ms, frequency) laid as a segment, a boundary after its pause; where each tone's first
    loud sample is in the programme (`encoder.begins`: where each segment began)."""
    starts = []
    PieceEncoder.begins = []
    with PieceEncoder(path, ENCODING, -23.0, -1.0, folder) as encoder:
        for ms, pause, frequency in segments:
            sound = tone(ms, frequency)
            encoder.begins.append(encoder.frames)
            starts.append(encoder.frames + onsets(_samples(sound))[0])
            encoder.write(sound)
            encoder.silence(pause)
            encoder.boundary()
    return encoder, starts


def decode(path) -> array:
    pcm = subprocess.run([ffmpeg_exe(), "-nostdin", "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(RATE), "-"],
                         capture_output=True, check=True).stdout
    return _samples(pcm)


def _samples(pcm: bytes) -> array:
    samples = array("h")
    samples.frombytes(pcm)
    return samples


def onsets(samples: array, threshold: int = 3000) -> list[int]:
    """Where each sound starts after at least 50 ms of quiet."""
    found, quiet = [], RATE
    for index, value in enumerate(samples):
        if abs(value) > threshold:
            if quiet >= RATE // 20:
                found.append(index)
            quiet = 0
        else:
            quiet += 1
    return found


SEGMENTS = [(1500, 613, 440.0), (900, 421, 660.0), (1200, 777, 550.0)]


def test_the_joined_pieces_decode_to_the_programme_sample_for_sample(tmp_path):
    encoder, starts = lay(tmp_path / "d.mp3", tmp_path / "pieces", SEGMENTS)
    samples = decode(tmp_path / "d.mp3")
    assert len(samples) == encoder.frames  # the Info frame's delay and padding take off exactly what LAME added
    assert encoder.pieces.encoded == len(SEGMENTS) + 1  # a piece a segment, and the frame that ends the programme
    found = onsets(samples)
    assert len(found) == len(starts)
    for expected, got in zip(starts, found):
        assert abs(got - expected) <= 2, (expected, got)


def test_a_boundary_moves_the_cursor_only_within_half_a_frame_of_the_pause(tmp_path):
    encoder, _ = lay(tmp_path / "d.mp3", tmp_path / "pieces", SEGMENTS)
    written = 0
    for (ms, pause, _), begin, end in zip(SEGMENTS, encoder.begins, [*encoder.begins[1:], encoder.frames]):
        assert end % FRAME == 0
        assert abs((end - begin) - RATE * (ms + pause) // 1000) <= FRAME // 2
        written += end - begin
    assert written == encoder.frames


def test_a_seam_ends_a_piece_in_a_lines_pause_and_leaves_the_cursor_where_it_was(tmp_path):
    """A line's end inside a segment: the piece ends on the last frame inside its pause, the rest of the pause
    begins the next piece, and every line lands on the sample it was laid at."""
    lines = [(700, 333, 440.0), (1100, 250, 660.0), (900, 301, 550.0)]
    starts = []
    with PieceEncoder(tmp_path / "d.mp3", ENCODING, -23.0, -1.0, tmp_path / "pieces") as encoder:
        for ms, pause, frequency in lines:
            sound = tone(ms, frequency)
            starts.append(encoder.frames + onsets(_samples(sound))[0])
            before = encoder.frames
            encoder.write(sound)
            encoder.silence(pause)
            encoder.seam()
            assert encoder.frames == before + RATE * (ms + pause) // 1000  # the cursor never moves
    assert encoder.pieces.encoded == len(lines) + 1  # a piece a line, and the programme's last frame
    samples = decode(tmp_path / "d.mp3")
    assert len(samples) == encoder.frames
    assert [abs(got - expected) <= 2 for got, expected in zip(onsets(samples), starts)] == [True] * len(lines)


def test_a_seam_without_a_frame_of_silence_before_it_cuts_nothing(tmp_path):
    with PieceEncoder(tmp_path / "d.mp3", ENCODING, -23.0, -1.0, tmp_path / "pieces") as encoder:
        encoder.write(tone(700))
        encoder.silence(20)  # less than a frame (24 ms)
        encoder.seam()
        encoder.write(tone(500))
    assert encoder.pieces.encoded == 1
    assert len(decode(tmp_path / "d.mp3")) == encoder.frames


def test_a_mix_redone_encodes_only_the_pieces_that_changed(tmp_path):
    folder = tmp_path / "pieces"
    lay(tmp_path / "first.mp3", folder, SEGMENTS)
    again, _ = lay(tmp_path / "again.mp3", folder, SEGMENTS)
    assert again.pieces.encoded == 0 and (tmp_path / "again.mp3").read_bytes() == (tmp_path / "first.mp3").read_bytes()
    changed = [SEGMENTS[0], (1700, 421, 700.0), SEGMENTS[2]]  # the middle segment longer and higher
    redone, starts = lay(tmp_path / "changed.mp3", folder, changed)
    assert redone.pieces.encoded == 1 and redone.pieces.reused == 3  # the last segment moved but is the same
    assert len(decode(tmp_path / "changed.mp3")) == redone.frames
    assert [abs(a - b) <= 2 for a, b in zip(onsets(decode(tmp_path / "changed.mp3")), starts)] == [True] * 3


def test_a_long_silence_is_cut_into_pieces_and_the_same_silence_is_encoded_once(tmp_path):
    with PieceEncoder(tmp_path / "d.mp3", ENCODING, -23.0, -1.0, tmp_path / "pieces") as encoder:
        encoder.write(tone(500))
        encoder.silence(100_000)  # a break: 100 s
        encoder.write(tone(500))
    assert encoder.pieces.encoded + encoder.pieces.reused >= 4
    assert encoder.pieces.reused >= 1  # 30 s of silence is 30 s of silence
    assert len(decode(tmp_path / "d.mp3")) == encoder.frames


def test_the_draft_carries_its_tags_and_its_duration(tmp_path):
    encoder, _ = lay(tmp_path / "d.mp3", tmp_path / "pieces", SEGMENTS)
    probe = subprocess.run([ffmpeg_exe(), "-nostdin", "-hide_banner", "-i", str(tmp_path / "d.mp3"), "-f", "ffmetadata", "-"],
                           capture_output=True, text=True)
    assert "title=Кешкі жаңалықтар" in probe.stdout and "artist=Хабар 24" in probe.stdout
    seconds = encoder.frames / RATE
    shown = probe.stderr.split("Duration: ")[1].split(",")[0]
    hours, minutes, rest = shown.split(":")
    assert float(rest) + 60 * int(minutes) == pytest.approx(seconds, abs=0.03)


def test_the_info_frame_is_what_ffmpeg_writes():
    """The LAME tag's CRC as ffmpeg's muxer computes it (libavformat/mp3enc.c: the frame's first 190 bytes,
    the CRC field itself zero), and the delay and padding where decoders read them."""
    frame = info_frame(b"\xff\xfb\xb4\xc4", 576, 100, 576, 1000)
    assert frame[21:25] == b"Info" and int.from_bytes(frame[25 + 4 : 25 + 8], "big") == 100
    assert int.from_bytes(frame[21 + 141 : 21 + 144], "big") == (576 << 12) | 1000
    blank = bytearray(frame)
    blank[175:177] = b"\0\0"
    assert int.from_bytes(frame[175:177], "big") == _crc16(bytes(blank[:190]))


def test_the_pieces_not_kept_are_encoded_by_two_ffmpeg_runs_whatever_their_number(tmp_path, monkeypatch):
    """Two encoder starts a programme (one a core), however many pieces it is cut into."""
    from broadcast.audio import pieces

    started = []
    popen = subprocess.Popen

    def counted(argv, *args, **kwargs):
        started.extend([argv] if "libmp3lame" in argv else [])
        return popen(argv, *args, **kwargs)

    segments = [(ms, pause, frequency + 37 * index) for index, (ms, pause, frequency) in enumerate(SEGMENTS * 3)]
    monkeypatch.setattr(pieces.subprocess, "Popen", counted)
    encoder, starts = lay(tmp_path / "d.mp3", tmp_path / "pieces", segments)
    assert encoder.pieces.encoded == len(segments) + 1 and len(started) == pieces.STREAMS == 2
    monkeypatch.undo()
    samples = decode(tmp_path / "d.mp3")
    assert len(samples) == encoder.frames
    assert [abs(got - expected) <= 2 for got, expected in zip(onsets(samples), starts)] == [True] * len(segments)
    monkeypatch.setattr(pieces.subprocess, "Popen", counted)
    started.clear()
    again, _ = lay(tmp_path / "again.mp3", tmp_path / "pieces", segments)
    assert again.pieces.encoded == 0 and started == []  # every piece kept: no encoder at all


def test_an_encoder_that_fails_is_reported_and_leaves_no_piece(tmp_path, monkeypatch):
    from broadcast.audio import pieces
    from broadcast.errors import EngineError

    monkeypatch.setattr(pieces, "_PIECE", ["-no_such_option", "1"])
    with pytest.raises(EngineError, match="ffmpeg could not encode the draft"):
        lay(tmp_path / "d.mp3", tmp_path / "pieces", SEGMENTS)
    assert not (tmp_path / "d.mp3").exists()
    assert not list((tmp_path / "pieces").rglob("*.mp3"))
