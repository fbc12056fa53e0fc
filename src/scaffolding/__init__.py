"""Scaffolding: the digital scaffolding of The Promise for one partnership."""
