"""Leadpop's benchmark: prints figures, never fails on one (issue: speed is the product)."""
