"""Newsroom fact-check bot: the engine, the store and the CLI."""

import os

# One BLAS thread, as onnxruntime runs with one (bot/model/runtime.py), unless the operator says
# otherwise. The only BLAS call at run time is review matching's matrix-vector product (10k
# reviews x 384): on a busy 2-core machine OpenBLAS's two threads took 2-5 ms for it where one
# takes under 1 ms, and their spinning slowed the article check running beside it. One thread
# gives the same scores to the bit. OpenBLAS reads this when numpy loads, hence here.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

__version__ = "0.1.0"
