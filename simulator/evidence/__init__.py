"""Evidence of a run: the output folder, its index, the Word report, vendor errors for tickets."""
