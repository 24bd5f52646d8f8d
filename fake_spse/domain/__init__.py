"""SPSE's rules in plain Python: accounts, certificates, tenders, schedules, offers; no I/O."""
