"""Drawing the geometry: the L1 diamond and the L2 disc against the loss's ellipses."""

from fractions import Fraction

from ._style import BLUE, GREY, ORANGE, VERMILLION, _f, _figure, _sub, problem_text
from .geometry import least_squares_loss

__all__ = ["draw_geometry"]


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
