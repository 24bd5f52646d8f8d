"""The CA journey as one run: registration to opening on the embedded server, with its folder."""
