"""The control plane (/_sim and the trainer panel): simulation mode only, never SPSE's own pages."""
