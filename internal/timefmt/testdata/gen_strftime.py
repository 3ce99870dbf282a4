# Regenerates strftime.json: every glibc conversion, Python's own (%f %z %:z %Z)
# and a few that are not conversions, each bare and with glibc's flags, widths and
# E/O modifiers, as CPython's datetime.strftime prints them on Linux (glibc, C
# locale) for the datetimes loguru hands it: aware, with a fixed-offset timezone
# named as the zone was at that instant. Run from this directory with CPython 3.11
# on glibc 2.36 (Debian 12):
#
#   python3 gen_strftime.py > strftime.json
#
# Where that CPython differs from what logru follows, the script asks what newer
# CPython prints, by rewriting the spec before strftime sees it:
#   - %:z (CPython 3.12 and later) becomes the offset with colons;
#   - before year 1000, a bare %Y, %G, %F or %C becomes the padded year, year of
#     the ISO week, date or century, as CPython 3.13's datetime does where the C
#     library does not pad (glibc printed "5" for %Y in year 5); a bare %c
#     becomes "%a %b %e %H:%M:%S" and the padded year, logru's choice to match.
# Before year 1000, a %F or %c carrying flags or a width, and a %Y, %G or %C
# carrying an E or O modifier, print the padded year in logru, as the bare
# conversion does; CPython hands them to glibc, which does not pad. They are null.
# %s is glibc's mktime() of the wall clock in the machine's zone; the script runs
# in UTC, so it is kept only for the dates at offset zero (null elsewhere).
# Rows whose want is null are not compared.
import datetime
import json
import os
import time
from zoneinfo import ZoneInfo

os.environ["TZ"] = "UTC"
time.tzset()

UTC = datetime.timezone.utc
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)


def fixed(y, mo, d, h, mi, s, us, name, offset):
    return datetime.datetime(y, mo, d, h, mi, s, us), name, offset, ""


def zoned(y, mo, d, h, mi, s, us, loc, fold=0):
    dt = datetime.datetime(y, mo, d, h, mi, s, us, tzinfo=ZoneInfo(loc), fold=fold)
    off = dt.utcoffset() // datetime.timedelta(seconds=1)
    return dt.replace(tzinfo=None), dt.tzname(), off, loc


# Wall clock, zone name ("" for an unnamed offset), offset east of UTC in seconds,
# and the IANA zone the Go side should use instead of a fixed zone, if any.
DATES = [
    fixed(2018, 6, 9, 1, 2, 3, 45, "EST", -18000),
    fixed(5, 6, 9, 13, 2, 3, 0, "UTC", 0),                 # year < 1000
    fixed(987, 12, 31, 23, 59, 59, 999999, "", -12345),    # odd negative offset
    fixed(1, 1, 1, 0, 0, 0, 0, "UTC", 0),                  # Python's first day
    fixed(9999, 12, 31, 12, 7, 9, 500000, "E", 50400),      # and last
    fixed(1969, 12, 31, 23, 59, 59, 500000, "UTC", 0),      # before the epoch
    fixed(2000, 2, 29, 12, 0, 0, 0, "", 19800),             # leap day, noon
    fixed(1999, 1, 1, 0, 7, 9, 1, "UTC", 0),                # midnight, ISO week 53
    fixed(2021, 1, 3, 9, 30, 0, 0, "CET", 3600),            # Sunday, ISO year 2020
    fixed(2024, 12, 31, 23, 59, 59, 999999, "UTC", 0),      # ISO year 2025
    zoned(2024, 3, 10, 3, 30, 0, 0, "America/New_York"),    # just after DST starts
    zoned(2024, 11, 3, 1, 30, 0, 0, "America/New_York"),    # the repeated hour, EDT
    zoned(2024, 11, 3, 1, 30, 0, 0, "America/New_York", 1), # and EST
    zoned(2024, 7, 1, 18, 45, 0, 0, "America/St_Johns"),    # -0230 in summer
    zoned(2024, 1, 15, 6, 5, 4, 3, "Australia/Lord_Howe"),  # +11 in summer
    zoned(2024, 7, 1, 12, 0, 0, 0, "Europe/London"),        # BST
]

CONVERSIONS = list("aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ%f") + [":z", "v", "q", "+", "J"]
FORMS = ["", "-", "_", "0", "^", "#", "6", "-6", "_6", "06", "^#12", "_-3", "-1",
         "E", "O", "^E", "#O", "010", "^_4"]
COMPOSITES = [
    "%Y-%m-%d %H:%M:%S,%f %z", "%Y-%m-%dT%H:%M:%S.%f%:z", "%d/%b/%Y:%H:%M:%S %z",
    "%aa %buary _%e %pm %Bx %Yday", "%D%T|%Y%m%d%H%M%S|%e%Y|%I%p|%y%e", "[%c] %Z%z",
    "%H%%%M|100%|%%%Y%%%", "%", "%E", "%5", "%^5E", "%-%|%-5%|%_%", "%9%%f",
    "é%é|%^é|%3é|%#é", "%G-W%V-%u|%U %W %j", "__%Y|_%e|%d.000|%H,999|%M.0|-07%M",
]


def offset_text(offset, colon):
    sign = "-" if offset < 0 else "+"
    h, rest = divmod(abs(offset), 3600)
    m, s = divmod(rest, 60)
    sep = ":" if colon else ""
    text = f"{sign}{h:02}{sep}{m:02}"
    return text + f"{sep}{s:02}" if s else text


def newer_cpython(spec, dt, offset):
    """Rewrites spec as CPython 3.12/3.13 treats it before glibc (see above)."""
    out, i, n = [], 0, len(spec)
    while i < n:
        if spec[i] != "%" or i + 1 == n:
            out.append(spec[i])
            i += 1
            continue
        ch = spec[i + 1]
        if ch == ":" and spec[i + 2:i + 3] == "z":
            out.append(offset_text(offset, True))
            i += 3
            continue
        if dt.year < 1000 and ch in "YGFCc":
            year = dt.isocalendar()[0] if ch == "G" else dt.year
            out.append({
                "Y": f"{year:04}", "G": f"{year:04}", "C": f"{year // 100:02}",
                "F": f"{year:04}-{dt.month:02}-{dt.day:02}",
                "c": dt.strftime("%a %b %e %H:%M:%S ") + f"{year:04}",
            }[ch])
            i += 2
            continue
        out.append(spec[i:i + 2])
        i += 2
    return "".join(out)


def padded_by_choice(form, conv, year):
    """Says whether logru pads the year where CPython does not (see above)."""
    if year >= 1000 or form == "":
        return False
    return conv in "Fc" or (conv in "YGC" and ("E" in form or "O" in form))


def render(spec, wall, name, offset):
    tz = datetime.timezone(datetime.timedelta(seconds=offset), name) if name else \
        datetime.timezone(datetime.timedelta(seconds=offset))
    dt = wall.replace(tzinfo=tz)
    if spec.endswith("s") and offset != 0:
        return None
    return dt.strftime(newer_cpython(spec, dt, offset))


def main():
    dates = []
    for wall, name, offset, loc in DATES:
        tz = datetime.timezone(datetime.timedelta(seconds=offset))
        delta = wall.replace(tzinfo=tz) - EPOCH
        dates.append({"unix": delta.days * 86400 + delta.seconds,
                      "nano": delta.microseconds * 1000,
                      "zone": name, "offset": offset, "loc": loc,
                      "wall": wall.isoformat()})
    specs = ["%" + form + conv for conv in CONVERSIONS for form in FORMS] + COMPOSITES
    print("{")
    print('"dates": [')
    print(",\n".join(json.dumps(d, ensure_ascii=False) for d in dates))
    print('],\n"rows": [')
    rows = [[spec, [render(spec, w, n, o) for w, n, o, _ in DATES]] for spec in specs]
    for i, (form, conv) in enumerate((f, c) for c in CONVERSIONS for f in FORMS):
        for j, (wall, _, _, _) in enumerate(DATES):
            if padded_by_choice(form, conv, wall.year):
                rows[i][1][j] = None
    print(",\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    print("]}")


main()
