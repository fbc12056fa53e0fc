import sys
from pathlib import Path

# Make `scaffolding` importable when the tests run without an installed package.
SRC = Path(__file__).resolve().parents[2] / "src"
if str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))
