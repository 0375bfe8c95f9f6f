"""The clauses stated in words: what a port returns, and how the reference solves exactly.

Which minimiser to return when it is not unique, exact zeros and −0.0, the coordinate order
(PORT-*), and the reference's iterative refinement at realistic sizes (EXACT-REFINEMENT).
They render no formula (``prose_derivation``); the tests that cite them check them.
"""

from __future__ import annotations

from .clause import Clause, prose_derivation

CLAUSES: tuple[Clause, ...] = (
    Clause(
        "PORT-NONUNIQUE",
        "What to return when the minimiser is not unique",
        "For λ₂ = 0 with linearly dependent active columns (duplicate columns, n < p) the "
        "minimisers form a convex polytope. Every point of it is a correct answer: Xw*, "
        "c* = c(w*) and F* are the same for all of them (two minimisers w₁, w₂ have "
        "F(w₁) − F* = 0 ≥ ½‖X̃(w₁ − w₂)‖² by the excess identity of CONFORMANCE-TOLERANCE). "
        "Return any minimiser; the gate compares F(w) − F* and the fit, never the coefficients "
        "where they are not determined. The reference returns one vertex of the polytope with "
        "unique = False. For λ₂ > 0 the minimiser is unique (2λ₂-strong convexity).",
        prose_derivation,
    ),
    Clause(
        "PORT-ZEROS",
        "Exact zeros and −0.0",
        "A coordinate the solver sets to zero is returned as 0.0; −0.0 is the same number "
        "(both convert to the rational 0, and the gate treats them alike). An implementation "
        "that declares exact zeros (gate option exact_zeros) promises ±0.0 wherever the exact "
        "solution has slack η_j > δ_j (CONFORMANCE-TOLERANCE); returning a tiny nonzero there "
        "then fails the exact-zeros check though the objective verdict passes. Without the "
        "declaration tiny values are reported, not failed.",
        prose_derivation,
    ),
    Clause(
        "PORT-ORDER",
        "Coordinate order",
        "The notes' pseudocode and reference.coordinate_descent sweep the coordinates "
        "cyclically in the order j = 1, …, p. The order changes the iterates (a sweep in "
        "another order is a sweep of the column-permuted problem) but not the minimiser: "
        "permuting the columns of X permutes w*. The gate judges only the returned w, so any "
        "order (cyclic, random, greedy) conforms; a port that compares iterates with the "
        "reference's trace must sweep j = 1, …, p.",
        prose_derivation,
    ),
    Clause(
        "EXACT-REFINEMENT",
        "The exact minimiser at realistic sizes: iterative refinement",
        "reference.solve chooses the homotopy (the knots of the path) for n·p ≤ 400 or when the "
        "path is asked for, and otherwise iterative refinement, the method of exact LP solvers "
        "(SoPlex, QSopt_ex), with or without the options of OPTIONS-OBJECTIVE. It works on the "
        "quadratic of OPTIONS-INTERCEPT-CENTRING: G = X'ᵀSX' + 2λ₂V', c = X'ᵀSy, thresholds "
        "t_j = λ₁v_j, the intercept a last coordinate with t = 0 and no sign (canonically "
        "G = XᵀX + 2λ₂I, c = Xᵀy, t_j = λ₁). (1) A float64 solver proposes an active set B "
        "with signs s_B; the free coordinates (t_j = 0 without a sign constraint) are always "
        "in B with s_j = 0, and under positive every other s_j = +1; (2) G_BB w_B = c_B − "
        "t_B s_B is solved exactly on integers (float data are dyadic, so one integer scale "
        "clears every denominator, the weights' and factors' included; G_BB is formed from "
        "the columns in B only; B is first cut to its leftmost linearly independent columns "
        "when G_BB is singular); (3) the conditions of KKT-ZERO and KKT-NONZERO, under the "
        "options those of OPTIONS-KKT (one-sided under positive), are checked exactly over "
        "all coordinates; (4) sign-inconsistent coordinates leave B, the worst violator "
        "enters, and (2) repeats. λ_max (OPTIONS-LAMBDA-MAX) comes from the same loop "
        "restricted to the unpenalised coordinates. Termination: every round returns a "
        "certified point or moves to a pair (B, s_B), of which there are finitely many; a "
        "pair met twice (a cycle, possible at ties and with non-unique minimisers) or a "
        "round cap hands over to the homotopy, which terminates by its own argument. "
        "Correctness never rests on the floats: nothing is returned before the exact check "
        "(3). Uniqueness is decided exactly on the equicorrelation set, as in the homotopy. "
        "Both methods return the same w and intercept where the minimiser is unique and the "
        "same F*, uniqueness and λ_max always (tested on every family of small problems, "
        "under every combination of the options).",
        prose_derivation,
    ),
)
