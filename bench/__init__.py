"""A benchmark of the build: synthetic corpora of N letters, built with the real command line.

Run it with ``make bench`` or ``python -m bench``; ``python -m bench --help`` lists the options.
"""
