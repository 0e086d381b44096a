"""Generate app/resources/sounds/alert.wav: a short, pleasant two-tone chime.

Run once (`python tools/make_sound.py`); the WAV is committed. Stdlib only, so anyone can
regenerate or tune it: two soft bell tones (G5 then C6, a rising fourth that sounds
like "look here" rather than an alarm), each with a couple of overtones and an
exponential decay, 22.05 kHz mono 16-bit, well under 100 KB.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "app" / "resources" / "sounds" / "alert.wav"
# (start s, frequency Hz, length s)
NOTES = ((0.0, 783.99, 0.55), (0.22, 1046.50, 0.75))
OVERTONES = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12))  # (multiple, relative loudness)
VOLUME = 0.45  # leave headroom: two notes overlap


def sample(t: float) -> float:
    total = 0.0
    for start, freq, length in NOTES:
        x = t - start
        if not 0 <= x < length:
            continue
        attack = min(1.0, x / 0.008)  # 8 ms fade-in: no click
        release = min(1.0, (length - x) / 0.05)  # 50 ms fade-out: no click
        env = attack * release * math.exp(-x * 5.5)
        for mult, amp in OVERTONES:
            total += amp * env * math.sin(2 * math.pi * freq * mult * x)
    return total


def main() -> None:
    length = max(start + dur for start, _, dur in NOTES)
    frames = [sample(i / RATE) for i in range(int(length * RATE))]
    peak = max(abs(f) for f in frames) or 1.0
    data = b"".join(struct.pack("<h", round(f / peak * VOLUME * 32767)) for f in frames)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {length:.2f} s)")


if __name__ == "__main__":
    main()
