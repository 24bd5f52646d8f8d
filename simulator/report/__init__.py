"""Reports of scenario runs for a QA lead (one self-contained HTML file per run)."""
