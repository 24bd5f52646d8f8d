"""The service layer: SPSE's use cases by area, the only door from pages, /_sim and the demo
seeding to the domain rules, storage and the systems SPSE depends on (BSrE, ADP)."""
