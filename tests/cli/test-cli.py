#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""glucotwin-cli against its contract (docs/interfaces.md, section 2).

Usage: test-cli.py GROUP CLI PNG_COMPARE GOLDEN_DIR
GROUP is one of: commands, consistency, errors, formats, figures.
With GTW_REGENERATE_GOLDEN=1 the figures group rewrites the references in GOLDEN_DIR.
"""
import csv
import io
import json
import math
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

RUN_COLUMNS = [
    "day", "fasting_glucose_mmol_l", "fasting_insulin_pmol_l", "fasting_cpeptide_nmol_l",
    "mean_glucose_mmol_l", "max_glucose_mmol_l", "hba1c_percent", "homa_ir", "homa_b_percent",
    "beta_cell_mass_rel", "beta_cell_function_rel", "si_rel", "hepatic_si_rel", "tg_mmol_l",
    "hdl_mmol_l", "weight_kg", "visceral_fat_kg", "liver_fat_percent", "inflammation_index",
    "stage",
]
DAY_COLUMNS = ["minute", "glucose_mmol_l", "insulin_pmol_l", "cpeptide_nmol_l", "isr_pmol_min",
               "meal_ra_mg_kg_min"]
OGTT_COLUMNS = ["minute", "glucose_mmol_l", "insulin_pmol_l", "cpeptide_nmol_l"]
STAGES = {"normal", "compensated_ir", "prediabetes", "diabetes"}
READINGS = {"normal", "impaired_glucose_tolerance", "diabetes"}
DAYS = 12   # short runs keep the suite fast
DAY = 7

failures = 0


def check(condition, message):
    global failures
    if not condition:
        failures += 1
        print("FAIL:", message)
    return condition


def cli(*args, stdin=None, expect=0):
    """Runs the CLI; checks the exit status and, on failure, the one-line error."""
    result = subprocess.run([CLI, *args], input=stdin, capture_output=True, text=True)
    ok = check(result.returncode == expect,
               f"{' '.join(args)}: exit {result.returncode}, expected {expect}; "
               f"stderr: {result.stderr.strip()}")
    if ok and expect != 0:
        lines = result.stderr.splitlines()
        check(len(lines) == 1 and lines[0].startswith("glucotwin-cli: "),
              f"{' '.join(args)}: expected one 'glucotwin-cli: ' line on stderr, got {lines!r}")
    return result


def preset_ids():
    out = cli("presets").stdout
    ids = [line.split("\t")[0] for line in out.splitlines()]
    check(len(ids) >= 1, "presets lists nothing")
    for line in out.splitlines():
        check(len(line.split("\t")) == 2 and line.split("\t")[1], f"presets line {line!r}")
    return ids


def short_scenario(preset, days=DAYS):
    """The preset as a file, cut to a few days."""
    data = json.loads(cli("preset", preset).stdout)
    check(data.get("format") == "glucotwin-scenario", f"preset {preset}: format")
    data["simulation"]["duration_days"] = days
    path = os.path.join(WORK, f"{preset}.glucotwin.json")
    with open(path, "w") as f:
        json.dump(data, f)
    return path


def parse_csv(text):
    return list(csv.reader(io.StringIO(text)))


def is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def check_run_csv(text, name, days, columns=RUN_COLUMNS):
    rows = parse_csv(text)
    check(rows and rows[0] == columns, f"{name}: header {rows[0] if rows else None}")
    body = rows[1:]
    check(len(body) == days, f"{name}: {len(body)} rows, expected {days}")
    check([r[0] for r in body] == [str(d) for d in range(len(body))], f"{name}: days not 0..N-1")
    for r in body:
        check(len(r) == len(columns), f"{name}: row of {len(r)} cells")
        for c, v in zip(columns, r):
            if c.endswith("stage"):
                check(v in STAGES, f"{name}: stage {v!r}")
            else:
                check(is_number(v), f"{name}: {c} = {v!r} is not a number")
    return body


# --------------------------------------------------------------------------------------------

def group_commands():
    # the registry: every row once, its default inside its range, every row with a source
    rows = list(csv.DictReader(io.StringIO(cli("parameters").stdout)))
    ids = [r["id"] for r in rows]
    check(len(rows) > 100 and len(set(ids)) == len(ids), f"parameters: {len(rows)} rows, ids unique")
    check({"weight_kg", "si_intrinsic", "tau_sigma"} <= set(ids), "parameters: known ids")
    for r in rows:
        check(float(r["min"]) <= float(r["default"]) <= float(r["max"]) and r["source"]
              and r["explanation"] and r["scope"] in ("patient", "constant"),
              f"parameters: row {r['id']}")
    data = json.loads(cli("parameters", "--json").stdout)
    check([row[0] for row in data["rows"]] == ids, "parameters --json has the CSV's rows")

    for preset in preset_ids():
        path = short_scenario(preset)
        r = cli("validate", path)
        check(r.stdout == "" and r.stderr == "", f"validate {preset}: prints something")

        text = cli("run", path).stdout
        check_run_csv(text, f"run {preset}", DAYS)
        check(cli("run", path, "--csv").stdout == text, f"run --csv {preset} differs from default")
        with open(path) as f:
            check(cli("run", "-", stdin=f.read()).stdout == text, f"run - {preset} differs")
        check(cli("run", "--preset", preset, "--days", str(DAYS)).stdout == text,
              f"run --preset {preset} --days differs from the file")

        data = json.loads(cli("run", path, "--json", "--with-baseline").stdout)
        base_cols = RUN_COLUMNS + ["baseline_" + c for c in RUN_COLUMNS if c != "day"]
        check(data["columns"] == base_cols, f"run --json --with-baseline {preset}: columns")
        check(len(data["rows"]) == DAYS, f"run --json {preset}: rows")
        for row in data["rows"]:
            check(len(row) == len(base_cols), f"run --json {preset}: row length")
            check(row[-1] in STAGES and row[len(RUN_COLUMNS) - 1] in STAGES,
                  f"run --json {preset}: stage values")
        check([row[0] for row in data["rows"]] == list(range(DAYS)), f"run --json {preset}: days")

        rows = parse_csv(cli("day", path, "--day", str(DAY)).stdout)
        check(rows[0] == DAY_COLUMNS, f"day {preset}: header {rows[0]}")
        check(len(rows) - 1 == 1440, f"day {preset}: {len(rows) - 1} rows")
        check([r[0] for r in rows[1:]] == [str(m) for m in range(1440)], f"day {preset}: minutes")
        check(all(is_number(v) for r in rows[1:] for v in r), f"day {preset}: numbers")
        data = json.loads(cli("day", path, "--day", str(DAY), "--json").stdout)
        check(data["columns"] == DAY_COLUMNS and len(data["rows"]) == 1440, f"day --json {preset}")

        text = cli("ogtt", path, "--day", str(DAY)).stdout
        table = [l for l in text.splitlines() if not l.startswith("#")]
        notes = [l for l in text.splitlines() if l.startswith("#")]
        rows = parse_csv("\n".join(table))
        check(rows[0] == OGTT_COLUMNS, f"ogtt {preset}: header")
        check([r[0] for r in rows[1:]] == ["0", "30", "60", "90", "120"], f"ogtt {preset}: minutes")
        keys = [n[1:].strip().split("=")[0] for n in notes]
        check(keys == ["two_hour_glucose_mmol_l", "insulinogenic_index", "matsuda_index",
                       "reading"], f"ogtt {preset}: summary lines {keys}")
        data = json.loads(cli("ogtt", path, "--day", str(DAY), "--json").stdout)
        check(data["columns"] == OGTT_COLUMNS and len(data["rows"]) == 5, f"ogtt --json {preset}")
        check(data.get("reading") in READINGS, f"ogtt --json {preset}: reading")
        for k in ("two_hour_glucose_mmol_l", "insulinogenic_index", "matsuda_index"):
            check(k in data, f"ogtt --json {preset}: {k}")

        m = json.loads(cli("markers", path, "--day", str(DAY)).stdout)
        check(m.get("day") == DAY and m.get("stage") in STAGES, f"markers {preset}")
        check(json.loads(cli("markers", path, "--day", str(DAY), "--json").stdout) == m,
              f"markers --json {preset} differs")

        r = cli("summary", path)
        check(len(r.stdout.splitlines()) > 4, f"summary {preset}: too short")

    group_population()


POPULATION_MARKERS = ["fasting_glucose_mmol_l", "hba1c_percent", "beta_cell_mass_rel"]
PERCENTILES = [5, 25, 50, 75, 95]


def group_population():
    """population FILE --n N [--seed S] [--json] (interfaces.md section 2)."""
    path = short_scenario("progressor" if "progressor" in preset_ids() else preset_ids()[0], 400)
    text = cli("population", path, "--n", "4", "--seed", "7").stdout
    lines = text.splitlines()
    table = [l for l in lines if not l.startswith("#")]
    notes = dict(l[1:].strip().split("=", 1) for l in lines if l.startswith("#"))
    rows = parse_csv("\n".join(table))
    header = ["year", "day"] + [f"{m}_p{p}" for m in POPULATION_MARKERS for p in PERCENTILES]
    check(rows[0] == header, f"population: header {rows[0]}")
    check([r[:2] for r in rows[1:]] == [["0", "0"], ["1", "365"], ["2", "399"]],
          f"population: years {[r[:2] for r in rows[1:]]}")
    for r in rows[1:]:
        values = [float(v) for v in r[2:]]
        for m in range(len(POPULATION_MARKERS)):
            band = values[5 * m:5 * m + 5]
            check(band == sorted(band), f"population: percentiles out of order {band}")
    check(set(notes) == {"incidence", "onset_day"}, f"population: summary lines {sorted(notes)}")
    onsets = notes.get("onset_day", "").split(",")
    check(len(onsets) == 4 and all(o == "none" or o.isdigit() for o in onsets),
          f"population: onset days {onsets}")
    check(math.isclose(float(notes.get("incidence", "nan")),
                       sum(o != "none" for o in onsets) / 4), "population: incidence")
    check(cli("population", path, "--n", "4", "--seed", "7").stdout == text,
          "population: the same seed gives a different result")
    check(cli("population", path, "--n", "4", "--seed", "8").stdout != text,
          "population: another seed gives the same result")

    data = json.loads(cli("population", path, "--n", "4", "--seed", "7", "--json").stdout)
    check(data.get("n") == 4 and data.get("seed") == 7 and data.get("percentiles") == PERCENTILES,
          "population --json: n, seed, percentiles")
    check(len(data.get("onset_day", [])) == 4, "population --json: onset_day")
    check(0 <= data.get("incidence", -1) <= 1, "population --json: incidence")
    check([y["day"] for y in data.get("years", [])] == [0, 365, 399], "population --json: years")
    for y in data.get("years", []):
        for m in POPULATION_MARKERS:
            check(len(y.get(m, [])) == 5, f"population --json: {m}")
    first = [float(v) for v in rows[1][2:]]
    check(all(math.isclose(a, b, rel_tol=1e-5) for a, b in
              zip(first, [v for m in POPULATION_MARKERS for v in data["years"][0][m]])),
          "population --json and CSV differ")


def group_consistency():
    preset = "progressor" if "progressor" in preset_ids() else preset_ids()[0]
    path = short_scenario(preset, 30)
    body = parse_csv(cli("run", path).stdout)[1:]
    for day in (0, 13, 29):
        m = json.loads(cli("markers", path, "--day", str(day)).stdout)
        row = dict(zip(RUN_COLUMNS, body[day]))
        for marker, column in (("fasting_glucose_mmol_l", "fasting_glucose_mmol_l"),
                               ("fasting_insulin_pmol_l", "fasting_insulin_pmol_l"),
                               ("hba1c_percent", "hba1c_percent"), ("stage", "stage")):
            a, b = m[marker], row[column]
            same = a == b if column == "stage" else math.isclose(a, float(b), rel_tol=1e-5)
            check(same, f"markers --day {day} {marker}={a} but run row {day} has {b}")
        # the day's detail starts where the daily record says the day starts
        d = parse_csv(cli("day", path, "--day", str(day)).stdout)
        check(len(d) == 1441, f"day --day {day}: rows")

    # --reference: the same columns from CVODE every day; the fast default agrees with it
    reference = parse_csv(cli("run", path, "--reference").stdout)
    check(reference[0] == RUN_COLUMNS and len(reference) == len(body) + 1, "run --reference: shape")
    for fast_row, ref_row in zip(body, reference[1:]):
        f, r = dict(zip(RUN_COLUMNS, fast_row)), dict(zip(RUN_COLUMNS, ref_row))
        check(abs(float(f["fasting_glucose_mmol_l"]) - float(r["fasting_glucose_mmol_l"])) <= 0.1
              and abs(float(f["hba1c_percent"]) - float(r["hba1c_percent"])) <= 0.1,
              f"run --reference day {f['day']}: fast and reference disagree")
    m = json.loads(cli("markers", path, "--day", "29", "--reference").stdout)
    check(math.isclose(m["fasting_glucose_mmol_l"], float(reference[30][1]), rel_tol=1e-5),
          "markers --reference differs from run --reference")

    # -o writes the same bytes as standard output, atomically
    out = os.path.join(WORK, "run.csv")
    r = cli("run", path, "-o", out)
    check(r.stdout == "", "run -o prints to stdout")
    with open(out) as f:
        check(f.read() == cli("run", path).stdout, "run -o differs from standard output")
    check(not [n for n in os.listdir(WORK) if n.startswith("run.csv.")], "temporary file left")


def group_errors():
    good = short_scenario("healthy" if "healthy" in preset_ids() else preset_ids()[0])
    with open(good) as f:
        data = json.load(f)

    def variant(name, edit):
        d = json.loads(json.dumps(data))
        edit(d)
        path = os.path.join(WORK, name + ".glucotwin.json")
        with open(path, "w") as f:
            json.dump(d, f)
        return path

    bad_day = variant("bad-start", lambda d: d.__setitem__(
        "interventions", [{"type": "berberine", "start_day": -3}]))
    bad_key = variant("bad-key", lambda d: d.__setitem__("colour", "blue"))
    bad_duration = variant("bad-duration",
                           lambda d: d["simulation"].__setitem__("duration_days", 999999))
    not_json = os.path.join(WORK, "not-json.glucotwin.json")
    with open(not_json, "w") as f:
        f.write("{ this is not json")

    cases = [(bad_day, "interventions[0].start_day"), (bad_key, "colour"),
             (bad_duration, "simulation.duration_days"), (not_json, None)]
    for path, json_path in cases:
        for args in (["validate", path], ["run", path], ["markers", path, "--day", "0"],
                     ["plot", path, "-o", os.path.join(WORK, "bad.png")],
                     ["run", path, "-o", os.path.join(WORK, "bad.csv")]):
            r = cli(*args, expect=1)
            if json_path:
                check(json_path in r.stderr, f"{' '.join(args)}: error does not name "
                      f"{json_path}: {r.stderr.strip()}")
        with open(path) as f:
            cli("validate", "-", stdin=f.read(), expect=1)
    check(not os.path.exists(os.path.join(WORK, "bad.png")), "plot left an output file")
    check(not os.path.exists(os.path.join(WORK, "bad.csv")), "run -o left an output file")

    cli("validate", os.path.join(WORK, "missing.json"), expect=1)
    cli("run", "--preset", "no-such-preset", expect=1)
    cli("preset", "no-such-preset", expect=1)
    cli("run", good, "--preset", "healthy", expect=1)
    cli("run", expect=1)
    cli("run", good, "--bogus", expect=1)
    cli("run", good, "--csv", "--json", expect=1)
    cli("frobnicate", expect=1)
    cli(expect=1)
    cli("day", good, expect=1)
    cli("day", good, "--day", "99999", expect=1)
    cli("ogtt", good, "--day", str(DAYS), expect=1)
    cli("plot", good, "-o", os.path.join(WORK, "figure.bmp"), expect=1)
    cli("plot", good, expect=1)
    cli("plot", good, "-o", os.path.join(WORK, "x.png"), "--view", "week", expect=1)
    cli("plot", good, "-o", os.path.join(WORK, "x.png"), "--view", "day", expect=1)
    cli("plot", good, "-o", os.path.join(WORK, "x.png"), "--units", "furlongs", expect=1)
    check(not os.path.exists(os.path.join(WORK, "x.png")), "failed plot left a file")
    check(not os.path.exists(os.path.join(WORK, "figure.bmp")), "failed plot left a file")

    cli("--help")
    cli("run", "--help")
    check(cli("--version").stdout.startswith("glucotwin-cli "), "--version")
    # the fast integrator is the default; --fast says so explicitly, --reference selects CVODE
    r = cli("run", good, "--fast")
    check(r.stderr == "" and r.stdout == cli("run", good).stdout, "--fast differs from the default")
    cli("run", good, "--fast", "--reference", expect=1)

    # a failure of the integrator is an internal failure (exit 2) naming the day, no output left
    os.environ["GLUCOTWIN_SOLVER_MAX_STEPS"] = "5"
    for args in (["run", good, "-o", os.path.join(WORK, "failed.csv")],
                 ["run", good, "--reference"], ["markers", good, "--day", "3"]):
        r = cli(*args, expect=2)
        check("Day 0: the integrator failed" in r.stderr, f"{' '.join(args)}: {r.stderr.strip()}")
    del os.environ["GLUCOTWIN_SOLVER_MAX_STEPS"]
    check(not os.path.exists(os.path.join(WORK, "failed.csv")), "a failed run left its output file")

    cli("population", good, expect=1)                      # --n is required
    cli("population", good, "--n", "0", expect=1)
    cli("population", good, "--n", "2", "--seed", "-4", expect=1)
    cli("population", good, "--n", "2", "--day", "3", expect=1)
    cli("bench", good, expect=1)                           # no scenario
    cli("bench", "--repetitions", "1000", expect=1)
    cli("bench", "--csv", expect=1)
    check("bench" in cli("--help").stdout and "population" in cli("--help").stdout,
          "--help lists population and bench")


def group_formats():
    path = short_scenario("healthy" if "healthy" in preset_ids() else preset_ids()[0], 30)
    svg = os.path.join(WORK, "figure.svg")
    pdf = os.path.join(WORK, "figure.pdf")
    png = os.path.join(WORK, "figure.PNG")
    cli("plot", path, "-o", svg, "--with-baseline")
    ET.parse(svg)  # raises on malformed XML
    check(ET.parse(svg).getroot().tag.endswith("svg"), "SVG root")
    cli("plot", path, "-o", pdf, "--view", "day", "--day", "3", "--units", "mgdl", "--dark")
    with open(pdf, "rb") as f:
        data = f.read()
    check(data.startswith(b"%PDF") and b"%%EOF" in data[-64:], "PDF framing")
    cli("plot", path, "-o", png, "--width", "640", "--height", "480")
    with open(png, "rb") as f:
        check(f.read(8) == b"\x89PNG\r\n\x1a\n", "PNG signature")
    leftovers = [n for n in os.listdir(WORK) if n.startswith("figure.") and
                 n not in ("figure.svg", "figure.pdf", "figure.PNG")]
    check(not leftovers, f"temporary files left: {leftovers}")
    check_summary_alignment(path)
    check_summary_onset()


def check_summary_onset():
    """The onset line names the diabetes threshold in the table's unit."""
    path = short_scenario("early-t2d", 30)
    for units, threshold in (("mmol", "7.0 mmol/L"), ("mgdl", "126 mg/dL")):
        r = cli("summary", path, "--units", units)
        onset = [line for line in r.stdout.splitlines() if line.startswith("Diabetes (")]
        check(len(onset) == 1 and f"≥ {threshold})" in onset[0],
              f"summary --units {units}: onset line {onset} does not name {threshold}")


def check_summary_alignment(path):
    """The summary table's columns line up in characters, not bytes: "µU/mL" (mg/dL units) and
    the translated headers (German ü, Spanish ñ) when the catalogues are installed."""
    for language in ("C", "de", "es"):
        for units in ("mmol", "mgdl"):
            env = dict(os.environ, LANGUAGE=language)
            result = subprocess.run([CLI, "summary", path, "--units", units], env=env,
                                    capture_output=True, text=True)
            name = f"summary LANGUAGE={language} --units {units}"
            if not check(result.returncode == 0, f"{name}: exit {result.returncode}"):
                continue
            lines = result.stdout.splitlines()
            first = next((i for i, line in enumerate(lines) if "HOMA-IR" in line), None)
            if not check(first is not None, f"{name}: no table header"):
                continue
            end = lines.index("", first)
            header, rows = lines[first:first + 3], lines[first + 3:end]
            if not check(len(rows) >= 1, f"{name}: no rows"):
                continue
            # The right edge of each of the six padded columns, from the first row's numbers
            # (every character here is one column wide, so string indices are display columns).
            edges, position = [], 0
            for token in rows[0].split()[:6]:
                position = rows[0].index(token, position) + len(token)
                edges.append(position)
            for line in header + rows:
                for i, edge in enumerate(edges):
                    check(line[edge:edge + 2].strip() == "",
                          f"{name}: no gap after column {i + 1} in {line!r}")
            for line in [header[0]] + rows:
                for i, edge in enumerate(edges):
                    check(line[edge - 1] != " ",
                          f"{name}: column {i + 1} does not end at {edge} in {line!r}")
            for i in (1, 2, 4):
                check(header[2][edges[i] - 1] != " ",
                      f"{name}: unit under column {i + 1} misaligned in {header[2]!r}")


def png_rows(path):
    """The rows of an 8-bit RGB or RGBA PNG without interlacing, as lists of (r, g, b)."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, depth, colour = int.from_bytes(body[:4], "big"), body[8], body[9]
            assert depth == 8 and colour in (2, 6) and body[12] == 0, "unexpected PNG format"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, rows, prev = zlib.decompress(idat), width * channels, [], None
    for y in range(len(raw) // (stride + 1)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        prev = prev or bytearray(stride)
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = prev[i], prev[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p_ = a + b - c
                pa, pb, pc = abs(p_ - a), abs(p_ - b), abs(p_ - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        prev = line
    return rows


def weekly_wave_unaliased():
    """Four sessions a week leave a weekly wave of a few per cent in fasting insulin. In a
    20-year figure a pixel column holds ten days, and the line must stay a line of even
    width there, not a line with marks where the wave beats against the columns."""
    scenario = json.loads(cli("preset", "prediabetes-igt").stdout)
    scenario["interventions"] = [{"type": "exercise", "start_day": 730, "end_day": 5475,
                                  "sessions_per_week": 4}]
    scenario["simulation"]["duration_days"] = 7300
    path, out = os.path.join(WORK, "weekly.glucotwin.json"), os.path.join(WORK, "weekly.png")
    with open(path, "w") as f:
        json.dump(scenario, f)
    cli("plot", path, "-o", out, "--width", "1000", "--height", "800")
    rows = png_rows(out)
    # the insulin line is the only orange in the figure (Okabe-Ito vermilion family)
    orange = [[r > 170 and 60 < g < 140 and b < 60 for (r, g, b) in row] for row in rows]
    counts = [sum(orange[y][x] for y in range(len(rows))) for x in range(len(rows[0]))]
    drawn = [x for x, n in enumerate(counts) if n > 0]
    if not check(len(drawn) > 500, f"insulin line not found ({len(drawn)} columns)"):
        return
    # the plateau of the exercise years 4 to 14, in pixel columns
    left, right = drawn[0], drawn[-1]
    plateau = counts[left + (right - left) * 4 // 20:left + (right - left) * 14 // 20]
    usual = sorted(plateau)[len(plateau) // 2]
    print(f"weekly wave: line {usual} px thick, at most {max(plateau)} px in a column")
    check(max(plateau) <= usual + 1, "the insulin line has marks where the weekly wave aliases")


def group_figures():
    weekly_wave_unaliased()
    regenerate = os.environ.get("GTW_REGENERATE_GOLDEN") == "1"
    figures = {
        "healthy-decade.png": ["--preset", "healthy", "--days", "730"],
        "healthy-day.png": ["--preset", "healthy", "--days", "730", "--view", "day", "--day",
                            "100"],
    }
    for name, args in figures.items():
        out = os.path.join(WORK, name)
        cli("plot", *args, "-o", out, "--width", "1000", "--height", "800")
        golden = os.path.join(GOLDEN, name)
        if regenerate:
            with open(out, "rb") as src, open(golden, "wb") as dst:
                dst.write(src.read())
            print("regenerated", golden)
            continue
        if not check(os.path.exists(golden), f"{golden} missing (GTW_REGENERATE_GOLDEN=1)"):
            continue
        r = subprocess.run([COMPARE, golden, out], capture_output=True, text=True)
        print(name + ":", r.stdout.strip(), r.stderr.strip())
        check(r.returncode == 0, f"{name} differs from its reference")


if __name__ == "__main__":
    group, CLI, COMPARE, GOLDEN = sys.argv[1:5]
    with tempfile.TemporaryDirectory(prefix="gtw-cli-test-") as WORK:
        globals()["group_" + group]()
    print(f"{group}: {failures} failure(s)")
    sys.exit(1 if failures else 0)
