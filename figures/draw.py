"""Drawing: turns the exact data of the other modules into PNG (or SVG) files.

This module draws the soft-threshold curves and the KKT band; :mod:`draw_paths` the
regularisation paths, :mod:`draw_geometry` the diamond and the disc.  The style, and why
the output is deterministic, is in :mod:`_style`.
"""

from ._style import (
    BLUE,
    GREEN,
    GREY,
    ORANGE,
    SKY,
    VIOLATION,
    _f,
    _figure,
    _fraction_label,
    _short,
    problem_text,
)
from .draw_geometry import draw_geometry
from .draw_paths import draw_paths

__all__ = ["draw_geometry", "draw_kkt_band", "draw_paths", "draw_threshold", "problem_text"]


# ---------------------------------------------------------------- threshold


def draw_threshold(curves, path):
    """b(ρ) for each curve on one axes, with Lasso's zero zone shaded."""
    styles = {
        "no penalty (least squares)": dict(color=GREY, ls=":", lw=1.5),
        "Lasso": dict(color=BLUE, lw=3),
        "Ridge": dict(color=ORANGE, lw=2.5, ls="--"),
        "Elastic Net": dict(color=GREEN, lw=2.5, ls="-."),
    }
    lasso = next(c for c in curves if c.name == "Lasso")
    ridge = next(c for c in curves if c.name == "Ridge")
    with _figure(path, 8.5, 6) as (_, ax):
        lo, hi = float(-lasso.l1), float(lasso.l1)
        ax.axvspan(lo, hi, color=BLUE, alpha=0.1, lw=0)
        for curve in curves:
            label = _curve_label(curve)
            ax.plot(_f(curve.rho), _f(curve.b), label=label, **styles.get(curve.name, {}))
        top = float(max(lasso.b))
        ax.annotate(
            f"zero zone |ρ| ≤ λ₁\nwidth 2λ₁ = {_fraction_label(2 * lasso.l1)}:\nb = 0 exactly",
            xy=(0, 0),
            xytext=(0, 0.55 * top),
            ha="center",
            fontsize=11,
            color=BLUE,
            arrowprops=dict(arrowstyle="->", color=BLUE),
        )
        ax.annotate(
            f"Ridge: slope 1/(a + 2λ₂) = {_fraction_label(ridge.slope)},\nzero only at ρ = 0",
            xy=(-0.6, float(-0.6 * ridge.slope)),
            xytext=(0.3, -0.8 * top),
            fontsize=11,
            color=ORANGE,
            arrowprops=dict(arrowstyle="->", color=ORANGE),
        )
        ax.axhline(0, color="black", lw=0.8)
        ax.axvline(0, color="black", lw=0.8)
        ax.set_xlabel(
            r"$\rho = x_j^\top(r + x_j w_j)$"
            "   (partial-residual correlation)"
        )
        ax.set_ylabel(r"new coefficient $b = w_j$")
        ax.set_title(
            r"Coordinate update $b(\rho) = S(\rho, \lambda_1)\, /\, (a + 2\lambda_2)$"
            "\n"
            rf"$a = x_j^\top x_j = {_fraction_label(lasso.a)}$, "
            f"λ₁ = {_fraction_label(lasso.l1)}, λ₂ = {_fraction_label(ridge.l2)}"
        )
        ax.legend(loc="upper left")


def _curve_label(curve):
    if curve.l1 == 0 and curve.l2 == 0:
        return "no penalty: b = ρ/a"
    if curve.l2 == 0:
        return f"Lasso (λ₁ = {_fraction_label(curve.l1)}): soft threshold"
    if curve.l1 == 0:
        return f"Ridge (λ₂ = {_fraction_label(curve.l2)}): shrinkage, no dead zone"
    return (
        f"Elastic Net (λ₁ = {_fraction_label(curve.l1)}, λ₂ = {_fraction_label(curve.l2)}):"
        " zero zone and shrinkage"
    )


# ---------------------------------------------------------------- KKT band

_KIND_STYLE = {
    "zero": dict(
        marker="o",
        s=90,
        facecolors="white",
        edgecolors=BLUE,
        linewidths=2,
        label=r"$w_j = 0$: $|c_j| \leq \lambda_1$ (inside)",
    ),
    "positive": dict(
        marker="^", s=110, color=GREEN, label=r"$w_j > 0$: $c_j = +\lambda_1$ (upper edge)"
    ),
    "negative": dict(
        marker="v", s=110, color=GREEN, label=r"$w_j < 0$: $c_j = -\lambda_1$ (lower edge)"
    ),
    "violation": dict(
        marker="X",
        s=220,
        color=VIOLATION,
        edgecolors="black",
        linewidths=0.8,
        zorder=5,
        label=r"KKT VIOLATION; red bar = $\rho_j$ (to the target)",
    ),
}


def draw_kkt_band(panels, path, suptitle=None):
    """One axes per (title, Band) in ``panels``, side by side."""
    size = dict(ncols=len(panels), squeeze=False, sharey=True)
    width = 6.8 if len(panels) == 1 else 6.2 * len(panels)
    with _figure(path, width, 6, **size) as (fig, axes):
        for ax, (title, band) in zip(axes[0], panels, strict=True):
            _band_axes(ax, title, band)
        _band_ylim(axes[0][0], [band for _, band in panels])
        _figure_legend(fig, axes[0])
        if suptitle:
            fig.suptitle(suptitle, fontsize=14)


def _band_axes(ax, title, band):
    l1 = float(band.l1)
    p = len(band.points)
    ax.axhspan(-l1, l1, color=SKY, alpha=0.18, lw=0, label="band [−λ₁, λ₁]")
    for edge in (-l1, l1):
        ax.axhline(edge, color=BLUE, lw=1.5)
    ax.axhline(0, color="black", lw=0.6)
    for q in band.points:
        if q.violation:  # a red bar from c_j to where KKT wants it: its length is ρ_j
            ax.plot([q.j + 1, q.j + 1], [float(q.c), float(q.target)], color=VIOLATION, lw=3)
    for kind, style in _KIND_STYLE.items():
        chosen = [q for q in band.points if q.kind == kind]
        if chosen:
            ax.scatter([q.j + 1 for q in chosen], [float(q.c) for q in chosen], **style)
    _band_ticks(ax, band)
    ax.set_xlim(0.4, p + 0.6)
    ax.set_xlabel(
        "feature j"
        + (
            r"   (violations: the sign of $w_j$ and $\rho_j$)"
            if band.violations and p <= _LABELLED
            else ""
        )
    )
    ax.set_ylabel(r"$c_j = x_j^\top r - 2\lambda_2 w_j$")
    if band.violations:
        verdict = f"{len(band.violations)} of {p} coordinates violate KKT"
    else:
        verdict = "optimal: every $c_j$ where KKT puts it"
    verdict += " (exact)" if band.exact_verdict else " (within tolerance)"
    ax.set_title(f"{title}\nλ₁ = {_short(band.l1)}, λ₂ = {_short(band.l2)}\n{verdict}")


_LABELLED = 16  # up to this many features, each tick is labelled (and violations explained)


def _band_ticks(ax, band):
    """Tick j at each feature; under a violating one, the sign of w_j and ρ_j, in red."""
    p = len(band.points)
    if p > _LABELLED:
        ax.set_xticks(range(1, p + 1, max(1, p // 12)))
        return
    ax.set_xticks(range(1, p + 1))
    labels = []
    for q in band.points:
        sign = "w=0" if q.w == 0 else ("w>0" if q.w > 0 else "w<0")
        labels.append(f"{q.j + 1}\n{sign}\nρ={_short(q.residual)}" if q.violation else str(q.j + 1))
    ax.set_xticklabels(labels)
    for tick, q in zip(ax.get_xticklabels(), band.points, strict=True):
        if q.violation:
            tick.set_color(VIOLATION)
            tick.set_fontweight("bold")
            tick.set_fontsize(9.5)


def _figure_legend(fig, axes):
    """One legend under all panels, each kind of mark listed once."""
    entries = {}
    for ax in axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            entries.setdefault(label, handle)
    order = ["band", "$w_j = 0$", "$w_j > 0$", "$w_j < 0$", "KKT"]
    labels = sorted(entries, key=lambda text: next(k for k, p in enumerate(order) if p in text))
    fig.legend(
        [entries[k] for k in labels], labels, loc="outside lower center", ncols=2, fontsize=10
    )


def _band_ylim(ax, bands):
    """Room for every c_j and both edges of every band."""
    values = [float(q.c) for band in bands for q in band.points]
    l1 = max(float(band.l1) for band in bands)
    values += [-l1, l1]
    lo, hi = min(values), max(values)
    pad = 0.25 * max(hi - lo, 2 * l1, 1e-12)
    ax.set_ylim(lo - pad, hi + pad)
