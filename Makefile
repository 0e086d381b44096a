# Convenience targets; the two commands in README work without make.
.PHONY: run test lint bench package screenshots

run:
	bash scripts/run.sh

test:
	bash scripts/test.sh

lint:
	.venv/bin/ruff check app tests tools

screenshots:
	.venv/bin/python tools/screenshots.py
