"""The version of bkn-awards, on its own so that reporting it imports nothing else."""

__version__ = "0.1.0"
