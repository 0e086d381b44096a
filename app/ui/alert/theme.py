"""Colours and sizes shared by the alert and the call panel.

Designed for a showroom: dark and calm, high contrast (all text ≥ 4.5:1 on its
background), one green primary button, sizes that scale with the screen so the name
and the countdown read from a step back at 1366×768 as well as at 1920×1080.
"""

from __future__ import annotations

BG = "#0f172a"  # slate 900
SURFACE = "#1e293b"  # slate 800: cards
BORDER = "#475569"
TEXT = "#f8fafc"
MUTED = "#cbd5e1"  # secondary text, 11:1 on BG
GREEN = "#15803d"  # primary button, white text 5:1
GREEN_HOVER = "#166534"
AMBER = "#fbbf24"  # the last 30 s; dark text on it
AMBER_TEXT = "#111827"
RED = "#b91c1c"  # overtime; white text 6:1
ERROR_TEXT = "#fecaca"

FONT_FAMILY = '"Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif'

BASE_W, BASE_H = 1366, 768  # the smallest showroom screen the layout is drawn for


def scale_for(width: int, height: int) -> float:
    """1.0 at 1366×768, 1.4 at 1920×1080; never below 0.7 (a small window in a test)."""
    return max(0.7, min(width / BASE_W, height / BASE_H))


def px(base: float, scale: float) -> int:
    return max(1, round(base * scale))


def button_qss(scale: float) -> str:
    """Buttons by role: "primary" (green), "secondary" (outlined), "quiet" (text only)."""
    return f"""
    QPushButton {{
        font-family: {FONT_FAMILY}; font-size: {px(22, scale)}px; font-weight: 600;
        border-radius: {px(12, scale)}px; padding: {px(10, scale)}px {px(26, scale)}px;
        min-height: {px(72, scale)}px;
    }}
    QPushButton[role="primary"] {{
        background: {GREEN}; color: white; border: {px(2, scale)}px solid {GREEN};
        font-size: {px(32, scale)}px; font-weight: 700;
    }}
    QPushButton[role="primary"]:hover {{ background: {GREEN_HOVER}; border-color: {GREEN_HOVER}; }}
    QPushButton[role="secondary"] {{
        background: transparent; color: {TEXT}; border: {px(2, scale)}px solid {MUTED};
    }}
    QPushButton[role="secondary"]:hover {{ background: {SURFACE}; }}
    QPushButton[role="quiet"] {{
        background: transparent; color: {MUTED}; border: {px(2, scale)}px solid transparent;
    }}
    QPushButton[role="quiet"]:hover {{ color: {TEXT}; }}
    QPushButton:disabled {{ color: {BORDER}; border-color: {BORDER}; }}
    QPushButton[role="quiet"]:disabled {{ border-color: transparent; }}
    QPushButton[role="primary"]:disabled {{ background: {SURFACE}; color: {MUTED}; }}
    """
