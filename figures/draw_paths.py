"""Drawing the regularisation paths: the Lasso's exact knots and Ridge's path in λ₂."""

from ._style import GREY, SERIES, _f, _figure, _short, _sub

__all__ = ["draw_paths"]


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
