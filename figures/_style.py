"""The figures' common style: colours, matplotlib settings, a deterministic Figure, labels.

matplotlib is imported only inside :func:`_figure`, and only through its object-oriented
API (``matplotlib.figure.Figure``, rendered by Agg): no pyplot, no global backend switch,
no state left behind.  Output is deterministic: the default style is used whatever the
user's matplotlibrc says, and no version or date is written into the file.
"""

from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

# Okabe–Ito colours (distinguishable with colour-blindness); violations in pure red.
BLUE, ORANGE, GREEN, VERMILLION = "#0072B2", "#E69F00", "#009E73", "#D55E00"
PURPLE, SKY, GREY = "#CC79A7", "#56B4E9", "#777777"
VIOLATION = "#FF0000"
SERIES = (BLUE, ORANGE, GREEN, PURPLE, VERMILLION, SKY)

_RC = {
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "legend.fontsize": 10.5,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "lasso-spec",
}


# Metadata entries that would make the file depend on the date or the matplotlib version.
_NO_STAMP = {".png": {"Software": None}, ".svg": {"Date": None}, ".pdf": {"CreationDate": None}}


@contextmanager
def _figure(path, width, height, **subplots):
    """A Figure in the default style with our settings; saved to ``path`` on exit."""
    try:
        import matplotlib
        import matplotlib.style
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError("drawing figures needs matplotlib: pip install matplotlib") from None

    with matplotlib.style.context("default"), matplotlib.rc_context(_RC):
        fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
        axes = fig.subplots(**subplots) if subplots else fig.subplots()
        yield fig, axes
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, metadata=_NO_STAMP.get(path.suffix.lower()))


def _f(values):
    return [float(v) for v in values]


def _fraction_label(value):
    return str(Fraction(value))


def problem_text(X, y):
    """'X = [[1,1],[1,0]], y = (3,2)' with exact entries, for titles."""
    rows = ",".join("[" + ",".join(str(Fraction(v)) for v in row) + "]" for row in X)
    return f"X = [{rows}], y = ({','.join(str(Fraction(v)) for v in y)})"


def _short(value):
    """An exact value as p/q when short, else a 3-significant-digit float."""
    text = str(Fraction(value))
    return text if len(text) <= 6 else f"{float(value):.3g}"


def _sub(n):
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))
