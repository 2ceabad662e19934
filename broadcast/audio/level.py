"""Loudness computed, not metered: BS.1770 from the speech's own K-weighted energy, silence counted as nothing.

The conform pass (conform.conform_all) hands back, beside each take, its K-weighted mean square per 100 ms
(ITU-R BS.1770's filter, run by ffmpeg). Laid on the programme's timeline, those sub-blocks give the 400 ms
gating blocks (75% overlap) that integrated loudness and loudness range are made of, so the programme's
loudness is known without running a meter over it, and long digital silence (a break, the pauses) costs
nothing: it holds no energy and falls under the absolute gate. Each segment's speech is brought to one
programme level from its own blocks, so the level does not jump where the voice changes.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

with warnings.catch_warnings():  # Python 3.11-3.12 warn that audioop goes in 3.13, where audioop-lts replaces it
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    import audioop

# BS.1770-4's K-weighting at 48 kHz (a high shelf, then a high pass), as ffmpeg biquad filters.
_SHELF = (1.53512485958697, -2.69169618940638, 1.19839281085285, -1.69065929318241, 0.73248077421585)
_HIGH_PASS = (1.0, -2.0, 1.0, -1.99004745483398, 0.99007225036621)
# Their analog prototypes (libebur128's figures), for the same filters at another rate.
_SHELF_HZ, _SHELF_DB, _SHELF_Q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
_HIGH_PASS_HZ, _HIGH_PASS_Q = 38.13547087602444, 0.5003270373238773
RATE = 48000
SUB_BLOCK = RATE // 10  # 100 ms: a gating block is four of them
# The weighted signal is written 12 dB down so the shelf's boost never clips the 32-bit integers.
_DOWN = 0.25
ABSOLUTE_GATE = -70.0  # LUFS
RELATIVE_GATE = -10.0  # LU under the absolutely gated mean
RANGE_GATE = -20.0  # LU, for loudness range
SILENT = -70.0
# The level is kept this far under the ceiling (true peak against true peak), for what the MP3 encode adds to
# the peaks (a few tenths of a dB on speech), so no limiter is needed on speech.
PEAK_MARGIN = 1.0
# ITU-R BS.1770-4 Annex 2: the 48-tap interpolating filter of the true-peak meter, as its four phases (4x
# oversampling at 48 kHz); ffmpeg's ebur128 meter does the same with its own resampler.
_PHASES = (
    (0.0017089843750, 0.0109863281250, -0.0196533203125, 0.0332031250000, -0.0594482421875, 0.1373291015625,
     0.9721679687500, -0.1022949218750, 0.0476074218750, -0.0266113281250, 0.0148925781250, -0.0083007812500),
    (-0.0291748046875, 0.0292968750000, -0.0517578125000, 0.0891113281250, -0.1665039062500, 0.4650878906250,
     0.7797851562500, -0.2003173828125, 0.1015625000000, -0.0582275390625, 0.0330810546875, -0.0189208984375),
    (-0.0189208984375, 0.0330810546875, -0.0582275390625, 0.1015625000000, -0.2003173828125, 0.7797851562500,
     0.4650878906250, -0.1665039062500, 0.0891113281250, -0.0517578125000, 0.0292968750000, -0.0291748046875),
    (-0.0083007812500, 0.0148925781250, -0.0266113281250, 0.0476074218750, -0.1022949218750, 0.9721679687500,
     0.1373291015625, -0.0594482421875, 0.0332031250000, -0.0196533203125, 0.0109863281250, 0.0017089843750),
)
_TAPS = 12
# Where the interpolation is worked out: every stretch of TRUE_PEAK_BLOCK samples whose largest sample comes within
# TRUE_PEAK_REACH dB of the loudest sample. Elsewhere a peak between samples would have to stand more than that
# over the samples beside it, which takes a sine near 8 kHz or above carrying the peak (a sine at f overshoots its
# samples by at most 1/cos(pi f / 48000)); speech peaks are made below 4 kHz (0.3 dB at most there), and an
# engine's 16-24 kHz speech resampled to 48 kHz has nothing above 12 kHz. tests/test_loudness.py checks sines
# against the filter and tests/test_draft_sound.py the example's draft against ffmpeg's meter on the file.
TRUE_PEAK_BLOCK = 16
TRUE_PEAK_REACH = 1.0


def k_filters(rate: int) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """BS.1770's K-weighting at `rate` as (shelf, high pass) biquads (b0, b1, b2, a1, a2): the standard's 48 kHz
    coefficients, at another rate the same filters made from their analog prototypes (as libebur128 does; at
    48 kHz that gives the standard's figures), the high pass's gain matched to the standard's: within 0.03 dB
    of the 48 kHz filters from 20 Hz to 10 kHz at 22.05 kHz (tests/test_loudness.py)."""
    if rate == RATE:
        return _SHELF, _HIGH_PASS
    k = math.tan(math.pi * _SHELF_HZ / rate)
    high = 10 ** (_SHELF_DB / 20)
    mid = high**0.4996667741545416
    a0 = 1 + k / _SHELF_Q + k * k
    shelf = ((high + mid * k / _SHELF_Q + k * k) / a0, 2 * (k * k - high) / a0, (high - mid * k / _SHELF_Q + k * k) / a0,
             2 * (k * k - 1) / a0, (1 - k / _SHELF_Q + k * k) / a0)
    k = math.tan(math.pi * _HIGH_PASS_HZ / rate)
    a0 = 1 + k / _HIGH_PASS_Q + k * k
    a1, a2 = 2 * (k * k - 1) / a0, (1 - k / _HIGH_PASS_Q + k * k) / a0
    # The standard's high pass keeps b = (1, -2, 1): its pass band is 0.043 dB over unity at 48 kHz, 0.094 dB at
    # 22.05 kHz. Scaled to the 48 kHz filter's pass band, the same speech reads the same loudness at any rate.
    gain = (1 - a1 + a2) / (1 - _HIGH_PASS[3] + _HIGH_PASS[4])
    return shelf, (gain, -2 * gain, gain, a1, a2)


def k_weighting(rate: int = RATE) -> str:
    """The ffmpeg filter chain that K-weights audio at `rate` (and turns it down by _DOWN)."""
    def biquad(b0: float, b1: float, b2: float, a1: float, a2: float) -> str:
        return f"biquad=b0={b0}:b1={b1}:b2={b2}:a0=1:a1={a1}:a2={a2}"

    (b0, b1, b2, a1, a2), high_pass = k_filters(rate)
    # _DOWN (a power of two) is folded into the shelf's feed-forward taps: the same float samples as a volume
    # filter before it (scaling by a power of two is exact), one pass over the take fewer. Planar float is what
    # the biquads run on, so the conversion from 16 bits is the only one.
    return f"aformat=sample_fmts=fltp,{biquad(b0 * _DOWN, b1 * _DOWN, b2 * _DOWN, a1, a2)},{biquad(*high_pass)}"


@dataclass(frozen=True)
class Level:
    """A take's loudness material: K-weighted mean square per 100 ms from its start, and its sample peak."""

    energy: tuple[float, ...]
    peak: float  # dBFS, the largest sample (a segment's true peak is worked out from its loudest takes: peak_of)

    def gained(self, db: float) -> Level:
        factor = 10 ** (db / 10)
        return Level(tuple(value * factor for value in self.energy), self.peak + db)


def measure(weighted: bytes | memoryview, pcm: bytes, rate: int = RATE) -> Level:
    """A take's Level from its K-weighted samples at `rate` (32-bit, as k_weighting writes them) and its own
    16-bit PCM (at any rate)."""
    scale = 1 / (_DOWN * 2**31) ** 2
    energy = []
    block = rate // 10  # 100 ms
    for start in range(0, len(weighted), block * 4):
        rms = audioop.rms(weighted[start : start + block * 4], 4)
        frames = min(block, (len(weighted) - start) // 4)
        energy.append(rms * rms * scale * frames / block)
    top = audioop.max(pcm, 2) if pcm else 0
    return Level(tuple(energy), 20 * math.log10(top / 32768) if top else -math.inf)


def peak_of(takes: list[tuple[bytes, float]]) -> float:
    """The true peak (dBTP) of takes laid apart (silence between them), each (PCM, its sample peak in dBFS):
    worked out only in the takes, and the stretches of them, that come within TRUE_PEAK_REACH of the loudest."""
    loudest = max((peak for _, peak in takes), default=-math.inf)
    if loudest == -math.inf:
        return loudest
    near = 32768 * 10 ** ((loudest - TRUE_PEAK_REACH) / 20)
    return max(true_peak(pcm, near) for pcm, peak in takes if peak >= loudest - TRUE_PEAK_REACH)


def true_peak(pcm: bytes, near: float | None = None) -> float:
    """The true peak (dBTP) of 16-bit mono PCM: BS.1770-4's 4x interpolation, worked out where the samples reach
    `near` (default: TRUE_PEAK_REACH dB under their largest); the sample peak is the floor of it.

    Each stretch of such blocks is interpolated whole with audioop (in C): per phase, the 12 taps' products of the
    samples widened to 32 bits (an eighth of full scale, so their sum cannot overflow) added up, and its largest.
    """
    top = audioop.max(pcm, 2) if len(pcm) >= 2 else 0
    if not top:
        return -math.inf
    count = len(pcm) // 2
    near = top * 10 ** (-TRUE_PEAK_REACH / 20) if near is None else near
    step, coarse = 2 * TRUE_PEAK_BLOCK, 2 * TRUE_PEAK_BLOCK * 128
    runs: list[list[int]] = []  # [first, end) samples to interpolate after: blocks within reach, joined
    for outer in range(0, 2 * count, coarse):
        if audioop.max(pcm[outer : outer + coarse], 2) < near:
            continue
        for at in range(outer, min(outer + coarse, 2 * count), step):
            if audioop.max(pcm[at : at + step], 2) >= near:
                first, end = at // 2, min(at // 2 + TRUE_PEAK_BLOCK, count)
                if runs and runs[-1][1] >= first:
                    runs[-1][1] = end
                else:
                    runs.append([first, end])
    best = float(top)
    half = _TAPS // 2
    for first, end in runs:
        # The values between samples n and n + 1 for n in [first - 1, end): phase p's is the sum over the taps j
        # of phase[j] * x[n + half - j], so the samples from first - half to end + half are read (zeros outside).
        low, high = first - half, end + half
        window = bytes(2 * max(-low, 0)) + pcm[2 * max(low, 0) : 2 * min(high, count)] + bytes(2 * max(high - count, 0))
        wide = audioop.lin2lin(window, 2, 4)  # each sample times 65536
        points = end - first + 1
        for phase in _PHASES:
            total = b""
            for tap, weight in enumerate(phase):
                offset = 4 * (_TAPS - 1 - tap)
                part = audioop.mul(wide[offset : offset + 4 * points], 4, weight / 8)
                total = audioop.add(total, part, 4) if total else part
            best = max(best, audioop.max(total, 4) * 8 / 65536)
    return 20 * math.log10(best / 32768)


class Timeline:
    """The programme's 100 ms sub-blocks of energy; a take adds its own at the sub-block where it starts."""

    def __init__(self) -> None:
        self.energy: list[float] = []
        self.peak = -math.inf

    def add(self, start_ms: int, level: Level) -> None:
        first = round(start_ms / 100)
        need = first + len(level.energy)
        if need > len(self.energy):
            self.energy.extend([0.0] * (need - len(self.energy)))
        for offset, value in enumerate(level.energy):
            self.energy[first + offset] += value
        self.peak = max(self.peak, level.peak)

    def loudness(self, alone: bool = False) -> float:
        """Integrated loudness (LUFS), gated as BS.1770 gates it. `alone`: as heard between silences, so the
        blocks that hang over its ends count too (as they do where it sits in a programme)."""
        edge = [0.0] * 3 if alone else []
        return integrated(_blocks(edge + self.energy + edge))

    def range(self) -> float:
        """Loudness range (LU, EBU Tech 3342) from 3 s windows every 100 ms."""
        windows = [sum(self.energy[i : i + 30]) / 30 for i in range(max(len(self.energy) - 29, 1))]
        levels = sorted(_lufs(value) for value in windows if _lufs(value) > ABSOLUTE_GATE)
        if not levels:
            return 0.0
        gate = _lufs(sum(10 ** ((level + 0.691) / 10) for level in levels) / len(levels)) + RANGE_GATE
        kept = [level for level in levels if level > gate]
        return round(kept[int(0.95 * (len(kept) - 1))] - kept[int(0.10 * (len(kept) - 1))], 1) if kept else 0.0


def _blocks(energy: list[float]) -> list[float]:
    """The 400 ms gating blocks (every 100 ms) over sub-blocks; a span under 400 ms is one short block."""
    if len(energy) < 4:
        return [sum(energy) / max(len(energy), 1)] if energy else []
    return [(energy[i] + energy[i + 1] + energy[i + 2] + energy[i + 3]) / 4 for i in range(len(energy) - 3)]


def integrated(blocks: list[float]) -> float:
    """BS.1770 integrated loudness of gating blocks' mean squares: absolute, then relative gate."""
    loud = [value for value in blocks if _lufs(value) > ABSOLUTE_GATE]
    if not loud:
        return SILENT
    gate = _lufs(sum(loud) / len(loud)) + RELATIVE_GATE
    kept = [value for value in loud if _lufs(value) > gate]
    return _lufs(sum(kept) / len(kept))


def _lufs(mean_square: float) -> float:
    return -0.691 + 10 * math.log10(mean_square) if mean_square > 0 else -math.inf


def scale(pcm: bytes, db: float) -> bytes:
    """16-bit PCM `db` louder (or quieter)."""
    return audioop.mul(pcm, 2, 10 ** (db / 20)) if abs(db) > 1e-3 else pcm


def segment_gain(loudness: float, takes: list[tuple[bytes, float]], target: float, ceiling: float,
                 programme_peak: float) -> tuple[float, float]:
    """(dB that bring a segment of takes laid apart, at `loudness`, to `target`; the segment's true peak after
    that gain, or -inf when it cannot top `programme_peak`, the loudest true peak laid before it).

    The true peak (peak_of, some 5 ms of interpolation a minute of speech) is worked out only when it can
    matter: under peak_of's own premise no true peak stands more than TRUE_PEAK_REACH over the loudest sample,
    so when even that bound neither holds the gain under the ceiling nor tops the programme's peak, the gain
    and the programme's peak are what the true peak would have given."""
    loudest = max((peak for _, peak in takes), default=-math.inf)
    bound, free = loudest + TRUE_PEAK_REACH, target - loudness
    if loudness > SILENT and free <= ceiling - PEAK_MARGIN - bound and bound + free <= programme_peak:
        return free, -math.inf
    peak = peak_of(takes)
    gain = matching_gain(loudness, peak, target, ceiling)
    return gain, peak + gain


def matching_gain(loudness: float, peak: float, target: float, ceiling: float) -> float:
    """dB that bring speech at `loudness` to `target`, held so its peak stays PEAK_MARGIN under `ceiling`."""
    if loudness <= SILENT:
        return 0.0
    return min(target - loudness, ceiling - PEAK_MARGIN - peak)
