"""Drawing: turns the exact data of the other modules into PNG (or SVG) files.

matplotlib is imported only inside these functions, and only through its
object-oriented API (``matplotlib.figure.Figure``, rendered by Agg): no pyplot,
no global backend switch, no state left behind.  Output is deterministic: the
default style is used whatever the user's matplotlibrc says, and no version or
date is written into the file.
"""

from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

from .geometry import least_squares_loss

__all__ = ["draw_geometry", "draw_kkt_band", "draw_paths", "draw_threshold"]

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


def _short(value):
    """An exact value as p/q when short, else a 3-significant-digit float."""
    text = str(Fraction(value))
    return text if len(text) <= 6 else f"{float(value):.3g}"


# ---------------------------------------------------------------- paths


def draw_paths(lasso, ridge_full, ridge_zoom, zoom, path, ridge_zeros=(), title=None):
    """2 × 2: Lasso (top) and Ridge (bottom), full range (left) and λ ≤ zoom (right).

    ``ridge_zeros``: per coefficient, the λ₂ where the Ridge coefficient crosses 0.
    """
    with _figure(path, 11, 8.6, nrows=2, ncols=2) as (fig, axes):
        lam_max = float(lasso.knots[0].lam)
        for ax, right in ((axes[0][0], lam_max), (axes[0][1], float(zoom))):
            _lasso_axes(ax, lasso, right)
        for ax, ridge, right in (
            (axes[1][0], ridge_full, lam_max),
            (axes[1][1], ridge_zoom, float(zoom)),
        ):
            _ridge_axes(ax, ridge, right, ridge_zeros)
        reentering = lasso.reentering()
        crossing = [j for j, roots in enumerate(ridge_zeros) if roots]
        axes[0][0].set_title("Lasso: exact path, linear between knots")
        axes[0][1].set_title(
            f"Lasso, zoom λ₁ ≤ {_short(zoom)}"
            + _who(reentering, "leaves and re-enters", "leave and re-enter")
        )
        axes[1][0].set_title("Ridge: smooth, shrinks but never stays at 0")
        axes[1][1].set_title(
            f"Ridge, zoom λ₂ ≤ {_short(zoom)}" + _who(crossing, "only crosses 0", "only cross 0")
        )
        fig.suptitle(title or "Regularisation paths", fontsize=14)


def _who(indices, one, several):
    """': w₁ leaves' for one index, ': w₁, w₃ leave' for several, '' for none."""
    if not indices:
        return ""
    names = ", ".join(f"w{_sub(j + 1)}" for j in indices)
    return f": {names} {one if len(indices) == 1 else several}"


def _lasso_axes(ax, lasso, right):
    lams = [float(k.lam) for k in lasso.knots]
    for j in range(lasso.p):
        ax.plot(
            lams,
            [float(k.w[j]) for k in lasso.knots],
            color=SERIES[j],
            lw=2.2,
            marker="o",
            ms=5,
            label=f"w{_sub(j + 1)}",
        )
        for lo, hi in lasso.zero_intervals(j):
            if hi < lasso.knots[0].lam:  # it had entered, left, and stays 0 on [lo, hi]
                ax.axvspan(
                    float(lo),
                    float(hi),
                    color=SERIES[j],
                    alpha=0.12,
                    lw=0,
                    label=f"w{_sub(j + 1)} = 0 exactly on [{lo}, {hi}]",
                )
    for k in lasso.knots:
        if float(k.lam) <= right:
            ax.axvline(float(k.lam), color=GREY, lw=0.7, ls=":")
    _knot_labels(ax, lasso, right)
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xlim(right * 1.02, -right * 0.02)  # λ decreasing to the right: the path's direction
    ax.set_xlabel("λ₁  (decreasing →)")
    ax.set_ylabel(r"coefficient $w_j(\lambda_1)$")
    ax.legend(loc="lower left", fontsize=9.5)


def _knot_labels(ax, lasso, right):
    """Each knot's exact λ on a top axis; knots too close to a labelled one are left to the zoom."""
    labelled = []
    for k in lasso.knots:
        lam = float(k.lam)
        if lam <= right and all(abs(lam - other) > 0.06 * right for other, _ in labelled):
            labelled.append((lam, str(k.lam)))
    top = ax.secondary_xaxis("top")
    top.set_xticks([lam for lam, _ in labelled], [text for _, text in labelled], fontsize=9.5)
    top.tick_params(colors=GREY)
    top.set_xlabel("knots (exact λ)", fontsize=9.5, color=GREY)


def _ridge_axes(ax, ridge, right, zeros):
    lams = _f(ridge.lambdas)
    for j in range(len(ridge.w[0])):
        ax.plot(
            lams, [float(w[j]) for w in ridge.w], color=SERIES[j], lw=2.2, label=f"w{_sub(j + 1)}"
        )
    for j, roots in enumerate(zeros):
        for root in roots or ():
            if float(root) <= right:
                ax.plot([float(root)], [0], marker="o", ms=8, mfc="white", color=SERIES[j])
                ax.annotate(
                    f"w{_sub(j + 1)} = 0 only at\nλ₂ ≈ {float(root):.4f}",
                    xy=(float(root), 0),
                    xytext=(-150, 40),
                    textcoords="offset points",
                    fontsize=9.5,
                    color=SERIES[j],
                    arrowprops=dict(arrowstyle="->", color=SERIES[j]),
                )
    ax.axhline(0, color="black", lw=0.8)
    ax.set_xlim(right * 1.02, -right * 0.02)
    ax.set_xlabel("λ₂  (decreasing →)")
    ax.set_ylabel(r"coefficient $w_j(\lambda_2)$")
    ax.legend(loc="lower left", fontsize=9.5)


def _sub(n):
    return str(n).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


# ---------------------------------------------------------------- geometry


def draw_geometry(geom, path):
    """Two panels: the diamond with the Lasso solution, the disc with the Ridge solution."""
    import numpy as np

    lo, hi = _geometry_window(geom)
    with _figure(path, 11, 5.6, ncols=2, sharex=True, sharey=True) as (fig, axes):
        W1, W2 = np.meshgrid(np.linspace(lo, hi, 400), np.linspace(lo, hi, 400))
        X = [[float(v) for v in row] for row in geom.X]
        loss = least_squares_loss(X, _f(geom.y), (W1, W2))
        for ax, which in zip(axes, ("lasso", "ridge"), strict=True):
            _geometry_axes(ax, geom, _region(geom, which), (W1, W2, loss))
            ax.set_xlim(lo, hi)
            ax.set_ylim(lo, hi)
        fig.suptitle(
            "Why Lasso gives exact zeros: loss contours meet the diamond at a corner\n"
            + problem_text(geom.X, geom.y),
            fontsize=13,
        )


def _geometry_window(geom):
    """A square window holding both regions, the solutions and the least-squares minimum."""
    size = max(float(geom.diamond_t), float(geom.disc_r2) ** 0.5)
    return -1.6 * size, max([*_f(geom.ols), size]) + 0.6


def _region(geom, which):
    """The outline of the constraint region, the touching level, the solution, and labels."""
    import numpy as np

    if which == "lasso":
        t = float(geom.diamond_t)
        outline = np.array([[t, 0], [0, t], [-t, 0], [0, -t], [t, 0]])
        zero = "".join(f": w{_sub(j + 1)} = 0" for j, v in enumerate(geom.lasso) if v == 0)
        return dict(
            outline=outline,
            level=geom.lasso_level,
            w=geom.lasso,
            colour=BLUE,
            region=f"diamond |w₁| + |w₂| ≤ t = {geom.diamond_t}",
            solution=f"Lasso solution ({_pair(geom.lasso)}), λ₁ = {geom.l1}{zero}",
            title="Lasso (L1): the contour touches a corner",
        )
    theta = np.linspace(0, 2 * np.pi, 361)
    r = float(geom.disc_r2) ** 0.5
    return dict(
        outline=np.column_stack([r * np.cos(theta), r * np.sin(theta)]),
        level=geom.ridge_level,
        w=geom.ridge,
        colour=ORANGE,
        region=f"disc w₁² + w₂² ≤ R², R = {r:.3f}",
        solution=f"Ridge solution ({_pair(geom.ridge)}), λ₂ = {geom.l2}",
        title="Ridge (L2): the contour touches a smooth edge",
    )


def _geometry_axes(ax, geom, region, grid):
    W1, W2, loss = grid
    outline, level = region["outline"], float(region["level"])
    ax.fill(outline[:, 0], outline[:, 1], color=region["colour"], alpha=0.2, lw=0)
    ax.plot(outline[:, 0], outline[:, 1], color=region["colour"], lw=2.2, label=region["region"])
    minimum = float(least_squares_loss(geom.X, geom.y, geom.ols))
    others = [minimum + (level - minimum) * s for s in (0.15, 0.45, 1.8, 3.0)]
    ax.contour(W1, W2, loss, levels=others, colors=GREY, linewidths=0.9)
    ax.contour(W1, W2, loss, levels=[level], colors="black", linewidths=2)
    ax.plot([], [], color="black", lw=2, label="loss contour through the solution")
    ax.plot(
        *_f(geom.ols),
        marker="*",
        ms=16,
        color="black",
        ls="none",
        label=f"least-squares minimum ({_pair(geom.ols)})",
    )
    ax.plot(
        *_f(region["w"]),
        marker="o",
        ms=11,
        color=VERMILLION,
        mec="black",
        ls="none",
        label=region["solution"],
    )
    ax.axhline(0, color="black", lw=0.8)
    ax.axvline(0, color="black", lw=0.8)
    ax.set_aspect("equal")
    ax.set_xlabel("w₁")
    ax.set_ylabel("w₂")
    ax.set_title(region["title"])
    ax.legend(loc="upper left", fontsize=9)


def _pair(w):
    return ", ".join(str(Fraction(v)) for v in w)


def problem_text(X, y):
    """'X = [[1,1],[1,0]], y = (3,2)' with exact entries, for titles."""
    rows = ",".join("[" + ",".join(str(Fraction(v)) for v in row) + "]" for row in X)
    return f"X = [{rows}], y = ({','.join(str(Fraction(v)) for v in y)})"
