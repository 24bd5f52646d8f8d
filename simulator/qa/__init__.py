"""QA mode: catalog runs with re-runs, the regression matrix, HTML report, tickets after a run."""
