"""Reference values for lib/domain/stats/hac.ts (issue #13): Newey–West standard errors, 95%
intervals and p-values of an OLS slope from statsmodels, written to tests/fixtures/hac.json.

Run with Debian's Python (apt-get install -y python3-statsmodels python3-scipy):
    /usr/bin/python3 scripts/reference/hac.py > tests/fixtures/hac.json
"""
import json
import math

import numpy as np
import statsmodels
import statsmodels.api as sm

rng = np.random.default_rng(13)
cases = []
for i, n in enumerate([8, 12, 17, 25, 40, 51, 80]):
    x = rng.normal(0, 3, n)
    e = np.zeros(n)
    for t in range(n):  # autocorrelated errors, so HAC differs from the classical error
        e[t] = (0.6 * e[t - 1] if t else 0) + rng.normal(0, 1)
    y = 0.5 + (0.3 if i % 2 else 0.0) * x + e
    maxlags = math.floor(4 * (n / 100) ** (2 / 9))
    for lags in sorted({maxlags, 0, 2}):
        cases.append({
            "x": [round(v, 6) for v in x.tolist()],
            "y": [round(v, 6) for v in y.tolist()],
            "maxLags": lags,
            "defaultMaxLags": lags == maxlags,
        })
        # Fit the rounded data actually stored, so the fixture is self-consistent.
        xr = np.array(cases[-1]["x"])
        yr = np.array(cases[-1]["y"])
        res = sm.OLS(yr, sm.add_constant(xr)).fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": True}, use_t=True)
        lo, hi = res.conf_int(0.05)[1]
        cases[-1].update({"slope": res.params[1], "se": res.bse[1], "ci95": [lo, hi], "p": res.pvalues[1]})

print(json.dumps({"source": f"statsmodels {statsmodels.__version__}, OLS(...).fit(cov_type='HAC', cov_kwds={{'maxlags': L, 'use_correction': True}}, use_t=True)", "cases": cases}, indent=1))
