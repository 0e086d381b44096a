# Convenience targets; the two commands in README work without make.
.PHONY: run test lint bench package screenshots

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check app tests tools packaging
	.venv/bin/ruff format --check app tests tools packaging
	.venv/bin/lint-imports --no-cache

# The benchmark (issue 7): a few minutes; prints a table, writes the figures as JSON.
# make bench BENCH_ARGS=--quick   (or --tiny, --only latency,idle, --display offscreen)
BENCH_JSON ?= bench-results.json
bench:
	.venv/bin/python -m tools.bench --json $(BENCH_JSON) $(BENCH_ARGS)

screenshots:
	.venv/bin/python tools/screenshots.py

# The one-folder bundle for this OS (+ the Linux tarball / the Windows installer), with the
# size before and after trimming. Needs: .venv/bin/pip install -e ".[package]"
package:
	.venv/bin/python packaging/build.py --compare
