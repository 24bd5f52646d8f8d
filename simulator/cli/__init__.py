"""``spse-sim``: the command line, one module per command."""
