"""Evidence of a run: the output folder, its index, the Word report, the scenario hooks."""
