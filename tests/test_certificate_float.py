"""certify_float's single blocked pass over X: same numbers, same input checks."""

import numpy as np
import pytest

from lasso_spec.reference import ProblemError, certificate, certify_float


def test_blocked_pass_matches_the_plain_products(monkeypatch):
    rng = np.random.default_rng(1)
    X, y, w = rng.standard_normal((37, 5)), rng.standard_normal(37), rng.standard_normal(5)
    monkeypatch.setattr(certificate, "_BLOCK_BYTES", 8 * 5 * 4)  # blocks of 4 rows: 10 blocks
    r, xtr, col_sq = certificate._one_pass(X, y, w)
    np.testing.assert_allclose(r, y - X @ w, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(xtr, X.T @ (y - X @ w), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(col_sq, (X * X).sum(axis=0), rtol=1e-13)
    cert = certify_float(X, y, w, 0.5, 0.25, gap_tol=1e-9)
    np.testing.assert_allclose(cert.c, X.T @ (y - X @ w) - 0.5 * w, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_a_non_finite_entry_of_x_is_rejected(bad):
    X = np.array([[1.0, 2.0], [3.0, bad]])
    with pytest.raises(ProblemError, match="X must be finite"):
        certify_float(X, np.ones(2), np.zeros(2), 1.0, gap_tol=1e-9)


def test_huge_finite_entries_are_not_mistaken_for_infinities():
    X = np.array([[1e200, 0.0], [0.0, 1.0]])  # ‖x_1‖² overflows to inf, but X is finite
    with np.errstate(over="ignore", invalid="ignore"):  # its tolerance is inf, honestly
        cert = certify_float(X, np.ones(2), np.zeros(2), 1.0, gap_tol=1e-9)
    assert cert.c[1] == 1.0  # x_2ᵀr with r = y: computed, not refused


@pytest.mark.parametrize(
    ("y", "w", "l1", "name"),
    [([np.nan, 1.0], [0.0, 0.0], 1.0, "y"), ([1.0, 1.0], [np.inf, 0.0], 1.0, "w"),
     ([1.0, 1.0], [0.0, 0.0], np.nan, "l1")],
)
def test_non_finite_y_w_or_penalties_are_rejected(y, w, l1, name):
    with pytest.raises(ProblemError, match=f"{name} must be finite"):
        certify_float(np.eye(2), y, w, l1, gap_tol=1e-9)
