"""What bends reality in simulation mode: the simulated clock and the fault switches."""
