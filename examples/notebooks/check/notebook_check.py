#!/usr/bin/env python3
"""Offline checks of the example notebooks, called by NotebooksTest during `mvn -B verify`.

The work is split: this script does what a plain Python can (notebook format, compiling cells, finding the Spark work in them, running the
plot cells), and the Java test runs the Spark work on a real local SparkSession.

  notebook_check.py extract NOTEBOOK...
      Validates each notebook (nbformat schema, committed without outputs, no API key in it, every
      Python cell compiles with its IPython magics translated) and prints, as JSON, the Spark work
      it contains: openrouter reader chains, SQL statements (spark.sql("...") and %sql cells) and
      the frames the plot cells draw. Exits 1 with one line per problem when a check fails.

  notebook_check.py execute --data DIR --charts DIR --out DIR NOTEBOOK...
      Runs, with nbconvert and the check's own kernel (ensure-python.sh installs it), each notebook's cells tagged "parameters" and
      "plot" after a cell that sets PLOT_DATA and CHART_DIR, so the plot cells draw the CSV frames
      in --data (written by the Java side) and save PNG charts in --charts/<notebook name>/.

Run it with the interpreter of the virtual environment ensure-python.sh creates.
"""

import argparse
import ast
import json
import os
import re
import subprocess
import sys

import nbformat
from IPython.core.inputtransformer2 import TransformerManager

# A first-line %sql (Databricks) or %%sql (Jupyter extensions) makes the whole cell SQL.
SQL_CELL = re.compile(r"^\s*%%?sql\b[^\n]*\n?", re.IGNORECASE)
# Databricks' other whole-cell languages. IPython's own %%cell and %line magics (%%bash, %pip, ...)
# are not listed: the IPython transformer turns them into Python calls, which compile.
OTHER_LANGUAGE_CELL = re.compile(r"^\s*%(md|md-sandbox|scala|r|sh)\b", re.IGNORECASE)
# A chart drawn from the emulator's synthetic rows must not carry OpenRouter's citation.
CITATION = re.compile(r"Source: OpenRouter")
# Databricks' %python is the notebook's default language spelled out.
PYTHON_CELL = re.compile(r"^\s*%python\b[^\n]*\n?", re.IGNORECASE)
# An OpenRouter key looks like sk-or-v1-<64 hex>; a committed notebook must never hold one.
API_KEY = re.compile(r"sk-or-(v1-)?[0-9a-f]{16,}", re.IGNORECASE)
# Calls between spark.read and .load() that configure the reader.
READER_CALLS = {"format", "option", "options", "schema"}


class Problems:
    """Collects every problem of a run, so one run reports all of them."""

    def __init__(self):
        self.items = []

    def add(self, where, message):
        self.items.append(f"{where}: {message}")


def cell_kind(source):
    if SQL_CELL.match(source):
        return "sql"
    if OTHER_LANGUAGE_CELL.match(source):
        return "other"
    return "python"


def split_sql(text):
    """Splits a %sql cell into statements on semicolons outside quotes and comments."""
    statements, current, quote, i = [], [], None, 0
    while i < len(text):
        c = text[i]
        if quote:
            current.append(c)
            if c == quote:
                quote = None
        elif c in "'\"`":
            quote = c
            current.append(c)
        elif text.startswith("--", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
            continue
        elif c == ";":
            statements.append("".join(current))
            current = []
        else:
            current.append(c)
        i += 1
    statements.append("".join(current))
    return [s.strip() for s in statements if s.strip()]


class Constants:
    """Module-level NAME = <literal> assignments, so reader options may name a parameter."""

    def __init__(self):
        self.values = {}

    def collect(self, tree):
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                try:
                    self.values[node.targets[0].id] = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError):
                    self.values.pop(node.targets[0].id, None)  # rebound to something not literal

    def evaluate(self, node):
        """The literal value of an argument, or raises ValueError saying why not."""
        if isinstance(node, ast.Name):
            if node.id in self.values:
                return self.values[node.id]
            raise ValueError(f"'{node.id}' is not a module-level constant")
        try:
            return ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError):
            raise ValueError(f"'{ast.unparse(node)}' is not a literal") from None


def option_text(value):
    """The string PySpark's DataFrameReader.option sends to the JVM for a Python value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        raise ValueError("None is not an option value")
    return str(value)


def parents_of(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def method_call(node, names):
    """(name, call) when node is a call of a method in names, else None."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in names:
        return node.func.attr, node
    return None


def reader_chain(load, parents, constants):
    """The openrouter reader that `load` ends, or None when it reads another format."""
    chain, node = [], load.func.value
    while True:
        found = method_call(node, READER_CALLS)
        if found:
            chain.append(found)
            node = found[1].func.value
        elif isinstance(node, ast.Attribute) and node.attr == "read":
            break  # spark.read: the chain is complete
        else:
            return None
    chain.reverse()
    if not chain or chain[0][0] != "format" or constants.evaluate(chain[0][1].args[0]) != "openrouter":
        return None
    options = {}
    for name, call in chain[1:]:
        if name == "option":
            options[option_text(constants.evaluate(call.args[0]))] = option_text(constants.evaluate(call.args[1]))
        elif name == "options":
            for arg in call.args:
                options.update({option_text(k): option_text(v) for k, v in constants.evaluate(arg).items()})
            for kw in call.keywords:
                options[kw.arg] = option_text(constants.evaluate(kw.value))
        else:
            raise ValueError(".schema(...) is not supported by format 'openrouter'")
    path = option_text(constants.evaluate(load.args[0])) if load.args else None
    # SQL-text filters applied straight to the loaded frame are part of what the check runs, as
    # they decide the requests (pushdown); Column-expression filters need PySpark and are skipped.
    filters, node = [], load
    while True:
        attribute = parents.get(node)
        call = parents.get(attribute)
        if not (isinstance(attribute, ast.Attribute) and attribute.attr in ("where", "filter")
                and isinstance(call, ast.Call) and call.func is attribute and len(call.args) == 1
                and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)):
            break
        filters.append(call.args[0].value)
        node = call
    return {"path": path, "options": options, "filters": filters}


def plot_frames(tree, where, constants, problems, work):
    """The names given to plot_frame("<name>"): the frames the Java side must write as CSV."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "plot_frame":
            try:
                work["frames"].append(constants.evaluate(node.args[0]))
            except (ValueError, IndexError) as e:
                problems.add(f"{where}, line {node.lineno}", f"plot_frame needs a literal name ({e})")


def python_work(tree, where, constants, problems, work):
    parents = parents_of(tree)
    # ast.walk is breadth-first; statements must run in source order (CREATE VIEW before SELECT).
    calls = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)),
                   key=lambda n: (n.lineno, n.col_offset))
    for node in calls:
        here = f"{where}, line {node.lineno}"
        if node.func.attr == "load":
            try:
                chain = reader_chain(node, parents, constants)
            except (ValueError, IndexError, AttributeError) as e:
                problems.add(here, f"the check cannot evaluate this reader chain: {e}")
                continue
            if chain:
                work["readers"].append({"where": here, **chain})
        elif node.func.attr == "sql" and isinstance(node.func.value, ast.Name) and node.func.value.id == "spark":
            arg = node.args[0] if node.args else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                work["sql"].append({"where": here, "sql": arg.value.strip()})
            else:
                problems.add(here, "spark.sql(...) needs one string literal (no f-string or variable),"
                                   " so that the check can run the statement")
    plot_frames(tree, where, constants, problems, work)


def extract(path, problems):
    work = {"path": path, "readers": [], "sql": [], "frames": []}
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as e:  # nbformat raises several kinds; all mean "not a valid notebook"
        problems.add(path, f"not a valid nbformat 4 notebook: {e}")
        return work
    raw = open(path, encoding="utf-8").read()
    if API_KEY.search(raw):
        problems.add(path, "contains what looks like an OpenRouter API key; use a secret or an environment variable")
    constants = Constants()
    transformer = TransformerManager()
    cells = []  # (where, "sql", statements) or (where, "python", tree), in notebook order
    for index, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        where = f"{os.path.basename(path)} cell {index}"
        if cell.get("outputs") or cell.get("execution_count") is not None:
            problems.add(where, "has outputs; commit notebooks with outputs cleared")
        if "plot" in cell.metadata.get("tags", []) and CITATION.search(cell.source):
            problems.add(where, "a plot cell cites OpenRouter literally; caption it with source_note(...), which"
                         " labels the emulator's synthetic data as such")
        kind = cell_kind(cell.source)
        if kind == "sql":
            cells.append((where, kind, split_sql(SQL_CELL.sub("", cell.source, count=1))))
        elif kind == "python":
            # IPython turns %magics and !commands into get_ipython() calls: compile what the kernel runs.
            code = transformer.transform_cell(PYTHON_CELL.sub("", cell.source, count=1))
            try:
                compile(code, where, "exec")
                tree = ast.parse(code)
            except SyntaxError as e:
                problems.add(f"{where}, line {e.lineno}", f"does not compile: {e.msg}")
                continue
            constants.collect(tree)
            cells.append((where, kind, tree))
    # Constants are collected first, so a reader may use a parameter defined in any cell; the work
    # is then listed in notebook order, as statements depend on the views earlier ones create.
    for where, kind, content in cells:
        if kind == "sql":
            work["sql"].extend({"where": where, "sql": statement} for statement in content)
        else:
            python_work(content, where, constants, problems, work)
    return work


def command_extract(args):
    problems = Problems()
    result = {"notebooks": [extract(path, problems) for path in args.notebooks]}
    if problems.items:
        print("\n".join(problems.items), file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, indent=1)
    return 0


def plot_notebook(nb, data, charts):
    """The notebook's parameters and plot cells, after a cell pointing them at data and charts."""
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]
    # Placed after the parameters cell, as papermill injects parameters.
    cells.append(nbformat.v4.new_code_cell(f"PLOT_DATA = {data!r}\nCHART_DIR = {charts!r}"))
    cells += [c for c in nb.cells if c.cell_type == "code" and "plot" in c.metadata.get("tags", [])]
    plot = nbformat.v4.new_notebook(metadata=nb.metadata)
    plot.cells = cells
    return plot


def command_execute(args):
    os.makedirs(args.out, exist_ok=True)
    failed = False
    for path in args.notebooks:
        name = os.path.splitext(os.path.basename(path))[0]
        charts = os.path.abspath(os.path.join(args.charts, name))
        os.makedirs(charts, exist_ok=True)
        nb = nbformat.read(path, as_version=4)
        plot = plot_notebook(nb, os.path.abspath(args.data), charts)
        if len(plot.cells) < 2 or not any("plot" in c.metadata.get("tags", []) for c in plot.cells):
            print(f"{path}: no cell is tagged 'plot'", file=sys.stderr)
            failed = True
            continue
        source = os.path.join(args.out, f"{name}.plot.ipynb")
        nbformat.write(plot, source)
        command = [sys.executable, "-m", "nbconvert", "--to", "notebook", "--execute",
                   "--ExecutePreprocessor.kernel_name=openrouter-notebook-check", "--ExecutePreprocessor.timeout=120",
                   "--output", f"{name}.executed.ipynb", "--output-dir", args.out, source]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"{path}: nbconvert failed ({done.returncode}):\n{done.stderr[-4000:]}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("extract")
    p.add_argument("notebooks", nargs="+")
    p.set_defaults(run=command_extract)
    p = commands.add_parser("execute")
    p.add_argument("--data", required=True)
    p.add_argument("--charts", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("notebooks", nargs="+")
    p.set_defaults(run=command_execute)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
