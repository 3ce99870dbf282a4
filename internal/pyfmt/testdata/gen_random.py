# Regenerates random.json: random format specs applied by CPython's own format() to
# integers, floats and strings. Run from this directory with python3 (3.11 to 3.13:
# 3.14 groups the digits after the point too).
#
#   python3 gen_random.py > random.json
#
# Each row is [kind, spec, value, want]; kind is "i", "f" or "s"; floats are given as
# repr() text; want is null where Python raises.
import json
import random

random.seed(20261122)
fills = ["", "", "", "*", "0", " ", "é", "<", "}"]
aligns = ["", "", "<", ">", "^", "="]
signs = ["", "", "+", "-", " "]
types = ["", "d", "f", "e", "g", "%", "s", "x", "X", "o", "b", "E", "F", "G", "n", "c"]
ints = [0, 1, -1, 7, -42, 255, 1234567, -9876543210, 2**63 - 1, -2**63, 65, 0x10FFFF]
floats = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159, 1e16, 1.234e-5, -1234567.891,
          123456789.0, float("inf"), float("-inf"), float("nan"), 1e-320, 0.0005,
          99.995, 1e300, -0.001, 0.125, 2.675]
strs = ["", "a", "hello", "héllo wörld", "日本"]
specs = set()
while len(specs) < 3000:
    a = random.choice(aligns)
    f = random.choice(fills) if a else ""
    specs.add(f + a + random.choice(signs) + random.choice(["", "", "", "z"]) +
              random.choice(["", "", "#"]) + random.choice(["", "", "0"]) +
              random.choice(["", "", "1", "5", "12", "0"]) +
              random.choice(["", "", "", ",", "_"]) +
              random.choice(["", "", "", ".0", ".1", ".3", ".10"]) + random.choice(types))
rows = []
for spec in sorted(specs):
    kind, vals = random.choice([("i", ints), ("f", floats), ("s", strs)])
    v = random.choice(vals)
    try:
        want = format(v, spec)
    except (ValueError, TypeError, OverflowError):
        want = None
    rows.append([kind, spec, repr(v) if kind == "f" else str(v) if kind == "i" else v, want])
print("[")
print(",\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
print("]")
