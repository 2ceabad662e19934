"""`python -m broadcast`: the same command line as `broadcast`."""
import sys

from .cli import main

sys.exit(main())
