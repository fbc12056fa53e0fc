"""Bundled framework data files (YAML), read by ``scaffolding.progress.framework_files``."""
