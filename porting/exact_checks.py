"""Independent exact computations that the vector generator checks the homotopy against.

No expected answer of a vector rests on ``reference.solve`` alone: where a closed form
exists (separable designs, Ridge) it is computed here, in Fractions, by other means; for
small problems with options every vertex minimiser is enumerated (``enumerate_minimisers``);
an intercept is checked by the weighted centring of spec OPTIONS-INTERCEPT-CENTRING.

>>> separable_closed_form([[2], [1], [-1]], [3, 1, 2], 1, 0)
(Fraction(2, 3),)
>>> ridge_closed_form([[1, 1], [1, 0], [0, 1]], [3, 2, 1], Fraction(1, 2))
(Fraction(11, 8), Fraction(7, 8))
"""

from fractions import Fraction
from itertools import product

from lasso_spec.reference import certify, solve
from lasso_spec.spec.exact import solve_columns


def column(X, j):
    return [row[j] for row in X]


def dot(u, v):
    return sum((a * b for a, b in zip(u, v, strict=True)), Fraction(0))


def canonical_lambda_max(X, y):
    """max_j |x_jᵀy|: the smallest l1 at which w = 0 is optimal, without options."""
    return max(abs(dot(column(X, j), y)) for j in range(len(X[0])))


def inner(s, u, x):
    """uᵀSx with S = diag(s)."""
    return sum((si * a * b for si, a, b in zip(s, u, x, strict=True)), Fraction(0))


def soft(z, t):
    return z - t if z > t else z + t if z < -t else Fraction(0)


def gauss(A, b):
    """The solution of A x = b (Fractions), or None when A is singular: the spec's own
    elimination (spec.exact.solve_columns), independent of the reference."""
    solved = solve_columns(A, b)
    return None if solved is None else list(solved[0])


def weights(X, options):
    return options.get("sample_weight") or [Fraction(1)] * len(X)


def factors(X, options):
    return options.get("penalty_factor") or [Fraction(1)] * len(X[0])


def weighted_means(X, y, s):
    total = sum(s)
    means = [sum(si * row[j] for si, row in zip(s, X, strict=True)) / total
             for j in range(len(X[0]))]
    return means, sum(si * yi for si, yi in zip(s, y, strict=True)) / total


def centred(X, y, means, mean_y):
    return [[v - m for v, m in zip(row, means, strict=True)] for row in X], [v - mean_y for v in y]


def orthogonal_columns(X, s=None):
    """Whether the columns of X are orthogonal in the inner product uᵀSx (S = diag(s), or I)."""
    s = s or [Fraction(1)] * len(X)
    cols = [column(X, j) for j in range(len(X[0]))]
    return all(inner(s, cols[i], cols[k]) == 0 for i in range(len(cols)) for k in range(i))


def separable_closed_form(X, y, l1, l2, options=None):
    """w by the (one-sided) soft threshold when the (weighted-centred) columns are
    S-orthogonal, wⱼ = T(x̃ⱼᵀSỹ, λ₁vⱼ)/(x̃ⱼᵀSx̃ⱼ + 2λ₂vⱼ); else None."""
    options = options or {}
    s, v = weights(X, options), factors(X, options)
    if options.get("fit_intercept"):
        X, y = centred(X, y, *weighted_means(X, y, s))
    if not orthogonal_columns(X, s):
        return None
    w = []
    for j in range(len(X[0])):
        x = column(X, j)
        denominator = inner(s, x, x) + 2 * l2 * v[j]
        correlation = inner(s, x, y)
        if options.get("positive"):
            top = max(correlation - l1 * v[j], Fraction(0))
        else:
            top = soft(correlation, l1 * v[j])
        if denominator == 0:
            if top != 0 or v[j] == 0:
                return None  # an unpenalised zero column: w_j is arbitrary
            w.append(Fraction(0))
        else:
            w.append(top / denominator)
    return tuple(w)


def ridge_closed_form(X, y, l2):
    """(XᵀX + 2 l2 I)⁻¹ Xᵀy by elimination (independent of the homotopy)."""
    cols = [column(X, j) for j in range(len(X[0]))]
    A = [[dot(u, x) + (2 * l2 if i == k else 0) for k, x in enumerate(cols)]
         for i, u in enumerate(cols)]
    return tuple(gauss(A, [dot(u, y) for u in cols]))


def enumerate_minimisers(X, y, l1, l2, options):
    """Every vertex minimiser (w, b), found without the homotopy.

    Its own reduction: columns X' = [X 1] (with an intercept), G = X'ᵀSX' + 2λ₂V',
    c = X'ᵀSy, tⱼ = λ₁vⱼ (0 for the intercept).  For every set A of features and every sign
    pattern on the coordinates of A with tⱼ > 0 (only + under positive): solve
    G_AA u_A = c_A − t_A·sign_A on A plus the intercept; keep it when the signs hold
    (uⱼ ≥ 0 where constrained) and every feature outside A satisfies its KKT condition
    (|ĉⱼ| ≤ tⱼ, or ĉⱼ ≤ tⱼ under positive), ĉ = c − Gu.  Every minimiser with a nonsingular
    G on its support is found, so a unique minimiser is found.
    """
    n, p = len(X), len(X[0])
    s, v = weights(X, options), factors(X, options)
    positive, intercept = options.get("positive", False), options.get("fit_intercept", False)
    cols = [column(X, j) for j in range(p)] + ([[Fraction(1)] * n] if intercept else [])
    penalised = v + ([Fraction(0)] if intercept else [])
    G = [[inner(s, u, x) + (2 * l2 * penalised[i] if i == k else 0)
          for k, x in enumerate(cols)] for i, u in enumerate(cols)]
    c = [inner(s, u, y) for u in cols]
    t = [l1 * vj for vj in penalised]
    found = set()
    for mask in product((False, True), repeat=p):
        A = [j for j in range(p) if mask[j]] + ([p] if intercept else [])
        signed = [j for j in A if j < p and t[j] > 0]
        for signs in product(*((1,) if positive else (1, -1) for _ in signed)):
            sign = dict(zip(signed, signs, strict=True))
            u_A = gauss([[G[i][k] for k in A] for i in A],
                        [c[i] - t[i] * sign.get(i, 0) for i in A])
            if u_A is None:
                continue
            u = [Fraction(0)] * len(cols)
            for i, value in zip(A, u_A, strict=True):
                u[i] = value
            if any(u[j] * sign[j] <= 0 for j in signed):
                continue
            if positive and any(u[j] < 0 for j in range(p)):
                continue
            chat = [ci - sum(g * uk for g, uk in zip(row, u, strict=True))
                    for ci, row in zip(c, G, strict=True)]
            outside = [j for j in range(p) if not mask[j]]
            if all((chat[j] if positive else abs(chat[j])) <= t[j] for j in outside):
                found.add((tuple(u[:p]), u[p] if intercept else None))
    return found


def centring_flags(X, y, l1, l2, options, solution):
    """Spec OPTIONS-INTERCEPT-CENTRING: the centred problem without an intercept gives the
    same w (or, where not unique, the same optimum), and b = ȳ − x̄ᵀw.  The flags it shows:
    WeightedCentring where centring with the unweighted means is wrong."""
    s = weights(X, options)
    rest = {k: v for k, v in options.items() if k != "fit_intercept"}
    means, mean_y = weighted_means(X, y, s)
    centred_solution = solve(*centred(X, y, means, mean_y), l1, l2, method="homotopy", **rest)
    assert centred_solution.objective == solution.objective, "centring changes the optimum"
    assert mean_y - dot(means, solution.w) == solution.intercept, "b is not ybar - xbar^T w"
    if solution.unique:
        assert centred_solution.w == solution.w, "the centred problem has another minimiser"
    if len(set(s)) == 1:
        return set()
    means_u, mean_y_u = weighted_means(X, y, [Fraction(1)] * len(X))
    wrong = solve(*centred(X, y, means_u, mean_y_u), l1, l2, method="homotopy", **rest)
    b_wrong = mean_y_u - dot(means_u, wrong.w)
    if certify(X, y, wrong.w, l1, l2, intercept=b_wrong, **options).optimal:
        return set()
    return {"WeightedCentring"}
